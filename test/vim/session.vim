" One headless Vim session against the IceWarp language server, with Debian's Vim 9 and ALE
" 3.3 (`apt-get install vim-nox vim-ale`) and the editors guide's setup (docs/editors.md, "Vim
" (ALE)"). ale.test.ts writes a JSON config, runs
"   vim -N -u NONE -i NONE -es -S test/vim/session.vim
" and reads what this script observed from the config's `out`. Headless Vim has no event loop
" of a user's: the script fires TextChanged where a user's edit would, and answers ALE's prompt
" (ale#util#Input) as the user typing would. Every wait polls for a condition and gives up after
" the config's timeout_ms; the script never sleeps longer than a poll.
let s:config = json_decode(join(readfile($ICEWARP_VIM_CONFIG), "\n"))
let s:observed = {'scenario': s:config.scenario}

function! s:NodePath(node) abort
  return s:config.root . '/' . a:node . '/path.dat'
endfunction

" The setup of the editors guide, with this session's server.
set nocompatible hidden
filetype on
packadd ale
autocmd BufRead,BufNewFile path.cfg,path.dat setfiletype icewarp
let g:ale_linters = {'icewarp': ['icewarp']}
let g:ale_hover_to_preview = 1
function! IceWarpRoot(buffer) abort
  let l:git = finddir('.git', fnamemodify(bufname(a:buffer), ':p:h') . ';')
  return empty(l:git) ? fnamemodify(bufname(a:buffer), ':p:h') : fnamemodify(l:git, ':p:h:h')
endfunction
call ale#linter#Define('icewarp', {
\   'name': 'icewarp',
\   'lsp': 'stdio',
\   'executable': s:config.server,
\   'command': '%e',
\   'project_root': function('IceWarpRoot'),
\   'lsp_config': get(s:config, 'settings', {}),
\})

" What the user types at ALE's prompts: the first code action, the new name of a rename.
runtime autoload/ale/util.vim
let s:prompts = []
function! ale#util#Input(message, value, ...) abort
  call add(s:prompts, a:message)
  return a:message =~# '^New name' ? s:config.new_name : '1'
endfunction

function! s:Wait(what, condition) abort
  let l:start = reltime()
  while !eval(a:condition)
    if reltimefloat(reltime(l:start)) * 1000 > s:config.timeout_ms
      throw 'timed out waiting for ' . a:what
    endif
    sleep 20m
  endwhile
endfunction

" What ALE shows for a node's buffer: code, line, columns (1-based bytes, end inclusive), type.
function! s:Shown(node) abort
  let l:list = []
  for l:item in get(get(g:ale_buffer_info, bufnr(s:NodePath(a:node)), {}), 'loclist', [])
    call add(l:list, {'code': get(l:item, 'code', ''), 'lnum': l:item.lnum, 'col': l:item.col, 'end_col': get(l:item, 'end_col', 0), 'type': l:item.type})
  endfor
  return l:list
endfunction

function! s:Codes(node) abort
  return map(s:Shown(a:node), 'v:val.code')
endfunction

function! s:HasCode(node, code, ...) abort
  for l:item in s:Shown(a:node)
    if l:item.code is# a:code && (a:0 == 0 || l:item.type is# a:1)
      return 1
    endif
  endfor
  return 0
endfunction

function! s:Run() abort
  " mx2 first (its duplicate Server ID with the unopened mx1), then mx3; ALE lints each as it is entered.
  execute 'edit ' . fnameescape(s:NodePath('mx2'))
  if get(s:config, 'whitespace_type', '') is# ''
    call s:Wait("mx2's duplicate Server ID", 's:HasCode("mx2", "server-id-duplicate")')
  endif
  execute 'edit ' . fnameescape(s:NodePath('mx3'))
  let l:type = get(s:config, 'whitespace_type', '')
  call s:Wait("mx3's trailing spaces", l:type is# '' ? 's:HasCode("mx3", "whitespace")' : 's:HasCode("mx3", "whitespace", "' . l:type . '") && empty(s:Codes("mx2"))')
  let s:observed.filetype = &filetype
  let s:observed.before = {'mx2': s:Shown('mx2'), 'mx3': s:Shown('mx3')}

  if s:config.scenario is# 'settings'
    return
  elseif s:config.scenario is# 'edit'
    " :ALEHover on the role flag (line 14), shown in the preview window.
    call cursor(14, 1)
    ALEHover
    call s:Wait('the hover', 'len(filter(range(1, winnr("$")), "getwinvar(v:val, \"&previewwindow\")")) > 0')
    let l:preview = filter(range(1, winnr('$')), 'getwinvar(v:val, "&previewwindow")')[0]
    let s:observed.hover = join(getbufline(winbufnr(l:preview), 1, '$'), "\n")
    pclose

    " :ALECodeAction with the cursor at the start of line 12, before the problem; the user types 1.
    call cursor(12, 1)
    ALECodeAction
    call s:Wait('the quick fix', 'getline(12) !=# "license.key  "')
    let s:observed.prompts = copy(s:prompts)
    let s:observed.fixed_line = getline(12)
    " What Vim fires after a change in Normal mode: ALE sends the text and lints.
    doautocmd <nomodeline> TextChanged
    call s:Wait('the whitespace problem to go', '!s:HasCode("mx3", "whitespace")')

    " Another program gives mx1 (never opened) a Server ID of its own: mx2's duplicate goes.
    let l:mx1 = readfile(s:NodePath('mx1'), 'b')
    let l:mx1[3] = '10'
    call writefile(l:mx1, s:NodePath('mx1'), 'b')
    call s:Wait("mx2's duplicate Server ID to go", '!s:HasCode("mx2", "server-id-duplicate")')
    let s:observed.after = {'mx2': s:Shown('mx2'), 'mx3': s:Shown('mx3')}
  elseif s:config.scenario is# 'rename'
    " :ALERename on the master host where mx3 names it (line 15); ALE edits every node; :wall.
    call cursor(15, 3)
    ALERename
    for l:node in ['mx3', 'mx2', 'mx1']
      call s:Wait(l:node . ' renamed', 'bufloaded(s:NodePath("' . l:node . '")) && getbufline(bufnr(s:NodePath("' . l:node . '")), 15) ==# [s:config.new_name]')
    endfor
    let s:observed.prompts = copy(s:prompts)
    wall
  else
    throw 'unknown scenario ' . s:config.scenario
  endif
endfunction

try
  call s:Run()
catch
  let s:observed.error = v:exception . ' at ' . v:throwpoint
endtry
call writefile([json_encode(s:observed)], s:config.out)
if has_key(s:observed, 'error')
  cquit!
endif
qall!
