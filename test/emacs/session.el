;;; session.el --- one batch Emacs session against the IceWarp language server  -*- lexical-binding: t -*-

;; Debian's Emacs 28 with Debian's eglot 1.9 (`apt-get install emacs-nox elpa-eglot'), loaded
;; by Debian's site-start as a user's Emacs loads it, and the editors guide's setup (docs/editors.md,
;; "Emacs 28 (eglot)"). eglot.test.ts writes a JSON config, runs
;;   emacs --batch -l test/emacs/session.el
;; and reads what this script observed from the config's `out'. Batch Emacs has no command loop:
;; the script runs `post-command-hook' where a user's command would (eglot connects and Flymake
;; starts there), reads events while it waits (file notifications arrive as events), and answers
;; a prompt as the user pressing RET would. Every wait polls for a condition and gives up after
;; the config's timeout; the script never sleeps.

(require 'json)
(require 'cl-lib)
(require 'subr-x)

(defvar icewarp-config
  (let ((json-object-type 'plist) (json-array-type 'list) (json-key-type 'keyword))
    (json-read-file (getenv "ICEWARP_EMACS_CONFIG"))))
(defvar icewarp-observed (list :scenario (plist-get icewarp-config :scenario)))

(defun icewarp-observe (key value)
  (setq icewarp-observed (plist-put icewarp-observed key value)))

(defun icewarp-node-path (node)
  (expand-file-name (concat node "/path.dat") (plist-get icewarp-config :root)))

;; The setup of the editors guide, with this session's server.
(define-derived-mode icewarp-pathcfg-mode fundamental-mode "IceWarp"
  "IceWarp Server's path.cfg / path.dat.")
(add-to-list 'auto-mode-alist '("/path\\.\\(cfg\\|dat\\)\\'" . icewarp-pathcfg-mode))
(require 'eglot)
(require 'flymake)
(add-to-list 'eglot-server-programs
             `(icewarp-pathcfg-mode . (,(plist-get icewarp-config :server))))
(add-hook 'icewarp-pathcfg-mode-hook #'eglot-ensure)
(when-let ((settings (plist-get icewarp-config :settings)))
  (setq-default eglot-workspace-configuration settings))
;; Debian's elpa-eglot alone brings no markdown-mode: eglot then asks for plain-text hovers.
;; (Another package may have brought it onto this machine; the session is the admin's.)
(when (fboundp 'gfm-view-mode) (fmakunbound 'gfm-view-mode))

(defvar icewarp-published (make-hash-table :test #'equal)
  "Per file path, the number of publishDiagnostics the server sent, and the document version of the last.")
(advice-add 'eglot-handle-notification :before
            (lambda (_server method &rest params)
              (when (eq method 'textDocument/publishDiagnostics)
                (let* ((file (expand-file-name (eglot--uri-to-path (plist-get params :uri))))
                       (count (car (gethash file icewarp-published '(0)))))
                  (puthash file (list (1+ count) (plist-get params :version)) icewarp-published)))))

(defun icewarp-publish-count (node)
  (car (gethash (icewarp-node-path node) icewarp-published '(0))))

(defun icewarp-published-current (node)
  "Whether the server's last diagnostics of NODE are of the text its buffer holds now."
  (with-current-buffer (find-buffer-visiting (icewarp-node-path node))
    (equal (cadr (gethash (icewarp-node-path node) icewarp-published)) eglot--versioned-identifier)))

(defun icewarp-command-loop ()
  "What Emacs does after each command, at redisplay and when the user pauses.
eglot connects, Flymake starts in the buffers shown, eglot sends its queued changes."
  (run-hooks 'post-command-hook)
  (run-window-configuration-change-hook)
  ;; Batch Emacs is never idle: run the idle timers as a pause in typing would.
  (mapc #'timer-event-handler (copy-sequence timer-idle-list)))

(defun icewarp-wait (what condition)
  (let ((deadline (+ (float-time) (/ (plist-get icewarp-config :timeout_ms) 1000.0))))
    (while (and (not (funcall condition)) (< (float-time) deadline))
      (accept-process-output nil 0.02)
      ;; File notifications and timers are events: read them as the command loop would.
      (read-event nil nil 0.01)
      (icewarp-command-loop))
    (unless (funcall condition) (error "timed out waiting for %s" what))))

(defun icewarp-diagnostic-code (diagnostic)
  (plist-get (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data diagnostic))) :code))

(defun icewarp-position (position)
  (save-excursion
    (goto-char position)
    (list (1- (line-number-at-pos)) (- (point) (line-beginning-position)))))

(defun icewarp-shown (node)
  "What Flymake shows for NODE's buffer: code, 0-based line and column, end, type."
  (with-current-buffer (find-buffer-visiting (icewarp-node-path node))
    (vconcat
     (mapcar (lambda (diagnostic)
               (let ((start (icewarp-position (flymake-diagnostic-beg diagnostic)))
                     (end (icewarp-position (flymake-diagnostic-end diagnostic))))
                 (list :code (icewarp-diagnostic-code diagnostic)
                       :line (car start) :col (cadr start) :end_line (car end) :end_col (cadr end)
                       :type (symbol-name (flymake-diagnostic-type diagnostic)))))
             (sort (flymake-diagnostics)
                   (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b))))))))

(defun icewarp-codes (node)
  (mapcar (lambda (shown) (plist-get shown :code)) (icewarp-shown node)))

(defun icewarp-open (node)
  "Visits NODE as the user would, and waits for eglot to manage it."
  (find-file (icewarp-node-path node))
  (icewarp-command-loop)
  (icewarp-wait (format "eglot to manage %s" node) (lambda () (eglot-managed-p))))

(defun icewarp-goto (line column)
  (goto-char (point-min))
  (forward-line line)
  (forward-char column))

(defun icewarp-run ()
  ;; Own and cross-node diagnostics, each in its node's buffer.
  (icewarp-open "mx3")
  (icewarp-open "mx2")
  (let ((severity (plist-get icewarp-config :whitespace_type)))
    (icewarp-wait "diagnostics of mx3"
                  (lambda ()
                    (cl-some (lambda (shown)
                               (and (equal (plist-get shown :code) "whitespace")
                                    (or (null severity) (equal (plist-get shown :type) severity))))
                             (icewarp-shown "mx3")))))
  ;; The index publishes every node in the same round: once mx3 shows its problem and a request
  ;; about mx2 has been answered, mx2's diagnostics have arrived too.
  (with-current-buffer (find-buffer-visiting (icewarp-node-path "mx2"))
    (jsonrpc-request (eglot--current-server-or-lose) :textDocument/hover (eglot--TextDocumentPositionParams))
    (icewarp-wait "mx2's diagnostics to be shown" (lambda () (or (plist-get icewarp-config :whitespace_type) (member "server-id-duplicate" (icewarp-codes "mx2"))))))
  (icewarp-observe :before (list :mx2 (icewarp-shown "mx2") :mx3 (icewarp-shown "mx3")))
  (pcase (plist-get icewarp-config :scenario)
    ("settings" nil)
    ("edit"
     ;; A hover on the role flag (line 14), as ElDoc asks for it.
     (switch-to-buffer (find-buffer-visiting (icewarp-node-path "mx3")))
     (icewarp-goto 13 0)
     (let (shown)
       (eglot-hover-eldoc-function (lambda (info &rest _) (setq shown info)))
       (icewarp-wait "the hover" (lambda () shown))
       (icewarp-observe :hover (substring-no-properties shown)))
     ;; M-x eglot-code-actions with the cursor at the start of line 12, RET on the default
     ;; (the preferred fix): the trailing spaces after the license file go.
     (icewarp-goto 11 0)
     (let ((last-nonmenu-event ?\r)
           (offered nil))
       (cl-letf (((symbol-function 'completing-read)
                  (lambda (_prompt collection &optional _predicate _require _initial _history default &rest _)
                    (setq offered (mapcar #'car collection))
                    default)))
         (call-interactively #'eglot-code-actions))
       (icewarp-observe :offered (vconcat offered)))
     (icewarp-observe :fixed_line (buffer-substring-no-properties (line-beginning-position) (line-end-position)))
     ;; eglot tells the server of the edit when Emacs is idle: settled once the server has
     ;; published mx3 at its new version.
     (icewarp-wait "the whitespace problem to go"
                   (lambda () (and (icewarp-published-current "mx3") (not (member "whitespace" (icewarp-codes "mx3"))))))
     ;; Another program gives mx1 (never opened) a Server ID of its own: mx2's duplicate goes.
     (let ((count (icewarp-publish-count "mx2")))
       (with-temp-buffer
         (insert-file-contents (icewarp-node-path "mx1"))
       (goto-char (point-min))
       (forward-line 3)
       (delete-region (point) (line-end-position))
       (insert "10")
         (write-region nil nil (icewarp-node-path "mx1") nil 'quiet))
       (icewarp-wait "mx2's duplicate Server ID to go"
                     (lambda () (and (> (icewarp-publish-count "mx2") count) (not (member "server-id-duplicate" (icewarp-codes "mx2")))))))
     (icewarp-observe :after (list :mx2 (icewarp-shown "mx2") :mx3 (icewarp-shown "mx3"))))
    ("rename"
     ;; M-x eglot-rename on the master host where mx3 names it (line 15), then save every buffer.
     (switch-to-buffer (find-buffer-visiting (icewarp-node-path "mx3")))
     (icewarp-goto 14 2)
     ;; eglot asks before it edits files no buffer visits (mx1): the user answers y.
     (cl-letf (((symbol-function 'y-or-n-p)
                (lambda (prompt) (icewarp-observe :asked (substring-no-properties prompt)) t)))
       (eglot-rename (plist-get icewarp-config :new_name)))
     (save-some-buffers t)
     (icewarp-wait "the renamed nodes to agree"
                   (lambda ()
                     (cl-every (lambda (node)
                                 (let ((buffer (find-buffer-visiting (icewarp-node-path node))))
                                   (and buffer
                                        (with-current-buffer buffer (eglot-managed-p))
                                        (not (cl-some (lambda (code) (string-prefix-p "cluster-" code)) (icewarp-codes node))))))
                               '("mx1" "mx2" "mx3"))))
     (icewarp-observe :after (list :mx1 (icewarp-shown "mx1") :mx2 (icewarp-shown "mx2") :mx3 (icewarp-shown "mx3"))))
    (scenario (error "unknown scenario %s" scenario))))

(let ((failure nil))
  (condition-case err
      (icewarp-run)
    (error (setq failure (error-message-string err))))
  (when failure (icewarp-observe :error failure))
  (ignore-errors (eglot-shutdown-all))
  (with-temp-file (plist-get icewarp-config :out)
    (insert (json-encode icewarp-observed)))
  (kill-emacs (if failure 1 0)))

;;; session.el ends here
