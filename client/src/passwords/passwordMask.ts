// Line-5 passwords off the screen: in every editor of a node file, a decoration lays `••••` over
// each password of the remote-logon line and hides its characters (the text itself is
// untouched). The passwords show while a cursor of that editor is on line 5 (to edit them), or
// everywhere after "IceWarp: Show Passwords"; `icewarp.maskPasswords: false` turns the mask off.
// Where the passwords are comes from common/ (./passwordSpans), computed here on the line's
// text: no round trip to the server, so the mask is there as soon as the editor is, on every
// keystroke, and also while the server is down.
import * as vscode from 'vscode';
import { LOGON_LINE_INDEX } from '../../../common/logonSecrets';
import { LANGUAGE_ID } from '../../../common/protocol';
import { PASSWORD_COMMANDS } from '../commandIds';
import { passwordSpans } from './passwordSpans';
/** Context key: the passwords are shown everywhere (the palette offers "Hide Passwords"). */
const SHOWN_CONTEXT = 'icewarp.passwordsShown';
const MASK_SETTING = 'icewarp.maskPasswords';
const BULLETS = '••••';

export interface MaskApplied {
  editor: vscode.TextEditor;
  ranges: readonly vscode.Range[];
}

export class PasswordMask implements vscode.Disposable {
  private shownEverywhere = false;
  private readonly decoration: vscode.TextEditorDecorationType;
  private readonly applied = new WeakMap<vscode.TextEditor, readonly vscode.Range[]>();
  /** Spans of line 5 per document, for the version they were computed on. */
  private readonly spansCache = new WeakMap<vscode.TextDocument, { version: number; text: string; ranges: vscode.Range[] }>();
  private readonly appliedEmitter = new vscode.EventEmitter<MaskApplied>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires each time the mask of an editor changes (the integration tests wait on it). */
  readonly onDidApply = this.appliedEmitter.event;

  constructor() {
    this.decoration = vscode.window.createTextEditorDecorationType({
      // The characters take no room and no ink: neither the password nor its length shows.
      opacity: '0',
      letterSpacing: '-1ch',
      before: { contentText: BULLETS, color: new vscode.ThemeColor('editorCodeLens.foreground') },
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });
    this.disposables.push(
      this.decoration,
      this.appliedEmitter,
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((editor) => this.update(editor))),
      vscode.window.onDidChangeTextEditorSelection((event) => this.update(event.textEditor)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.languageId !== LANGUAGE_ID || event.contentChanges.every((change) => change.range.start.line > LOGON_LINE_INDEX)) return;
        for (const editor of vscode.window.visibleTextEditors) if (editor.document === event.document) this.update(editor);
      }),
      vscode.workspace.onDidOpenTextDocument(() => this.updateAll()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(MASK_SETTING)) this.updateAll();
      }),
    );
    void vscode.commands.executeCommand('setContext', SHOWN_CONTEXT, false);
    this.updateAll();
  }

  register(): vscode.Disposable[] {
    return [
      vscode.commands.registerCommand(PASSWORD_COMMANDS.show, () => this.toggle()),
      vscode.commands.registerCommand(PASSWORD_COMMANDS.hide, () => this.setShownEverywhere(false)),
    ];
  }

  /** "IceWarp: Show Passwords": shows them in every editor, or hides them again. */
  toggle(): Promise<void> {
    return this.setShownEverywhere(!this.shownEverywhere);
  }

  get passwordsShown(): boolean {
    return this.shownEverywhere;
  }

  /** The ranges the mask covers in `editor` now. */
  maskedRanges(editor: vscode.TextEditor): readonly vscode.Range[] {
    return this.applied.get(editor) ?? [];
  }

  private async setShownEverywhere(shown: boolean): Promise<void> {
    this.shownEverywhere = shown;
    await vscode.commands.executeCommand('setContext', SHOWN_CONTEXT, shown);
    this.updateAll();
  }

  private updateAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.update(editor);
  }

  private update(editor: vscode.TextEditor): void {
    const ranges = this.rangesFor(editor);
    const previous = this.applied.get(editor) ?? [];
    if (previous.length === ranges.length && previous.every((range, index) => range.isEqual(ranges[index]))) return;
    editor.setDecorations(this.decoration, ranges);
    this.applied.set(editor, ranges);
    this.appliedEmitter.fire({ editor, ranges });
  }

  private rangesFor(editor: vscode.TextEditor): readonly vscode.Range[] {
    const { document } = editor;
    if (document.languageId !== LANGUAGE_ID || document.lineCount <= LOGON_LINE_INDEX) return [];
    if (this.shownEverywhere || !vscode.workspace.getConfiguration().get<boolean>(MASK_SETTING, true)) return [];
    if (editor.selections.some((selection) => selection.active.line === LOGON_LINE_INDEX)) return [];
    return this.passwordRanges(document);
  }

  private passwordRanges(document: vscode.TextDocument): vscode.Range[] {
    const cached = this.spansCache.get(document);
    if (cached?.version === document.version) return cached.ranges;
    const text = document.lineAt(LOGON_LINE_INDEX).text;
    // An edit elsewhere bumps the version but rarely touches line 5: reuse its spans then.
    if (cached?.text === text) {
      cached.version = document.version;
      return cached.ranges;
    }
    const ranges = passwordSpans(text).map(([start, end]) => new vscode.Range(LOGON_LINE_INDEX, start, LOGON_LINE_INDEX, end));
    this.spansCache.set(document, { version: document.version, text, ranges });
    return ranges;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
