-- One headless Neovim session against the IceWarp language server, with Neovim's built-in
-- client only (`nvim --clean`, no plugins), written for Neovim 0.7 (Debian bookworm), which has
-- `vim.lsp.start_client` but not `vim.lsp.start`. neovim.test.ts writes a JSON config, runs
--   nvim --clean --headless -c "luafile test/nvim/session.lua"
-- and reads what this script observed from `config.out`. Every wait polls for a condition with
-- vim.wait and gives up after config.timeout_ms; the script never sleeps.
local config = vim.fn.json_decode(table.concat(vim.fn.readfile(os.getenv('ICEWARP_NVIM_CONFIG')), '\n'))
local observed = { scenario = config.scenario }

local function finish(failure)
  observed.error = failure
  vim.fn.writefile({ vim.fn.json_encode(observed) }, config.out)
  vim.cmd(failure and 'cquit!' or 'qall!')
end

local function wait_for(what, condition)
  if not vim.wait(config.timeout_ms, condition, 20) then error('timed out waiting for ' .. what, 0) end
end

-- The raw publishDiagnostics of each file (Neovim's own list rounds LSP ranges to byte columns
-- and loses nothing we need, but the code action request wants the server's diagnostics back).
local published, publish_count, published_version = {}, {}, {}

local function uri_of(path) return vim.uri_from_fname(path) end
local function node_path(node) return config.root .. '/' .. node .. '/path.dat' end

--- What Neovim shows for a file: its diagnostics (code, 0-based line, byte column, severity).
local function shown(node)
  local list = {}
  for _, item in ipairs(vim.diagnostic.get(vim.fn.bufadd(node_path(node)))) do
    table.insert(list, { code = item.code, lnum = item.lnum, col = item.col, end_col = item.end_col, severity = item.severity })
  end
  table.sort(list, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    return tostring(a.code) < tostring(b.code)
  end)
  return list
end

local function has_code(node, code)
  for _, item in ipairs(published[uri_of(node_path(node))] or {}) do
    if item.code == code then return true end
  end
  return false
end

local function request(bufnr, method, params)
  local answers, err = vim.lsp.buf_request_sync(bufnr, method, params, config.timeout_ms)
  if not answers then error(method .. ': ' .. tostring(err), 0) end
  for _, answer in pairs(answers) do
    if answer.error then error(method .. ': ' .. vim.inspect(answer.error), 0) end
    return answer.result
  end
end

local function run()
  -- The Neovim 0.7 setup of docs/editors.md, with this session's values and a
  -- publishDiagnostics handler that keeps the server's own diagnostics for the code action.
  local capabilities = vim.lsp.protocol.make_client_capabilities()
  if config.encoding ~= 'utf-16' then capabilities.general = { positionEncodings = { config.encoding } } end
  local client_id
  vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, { pattern = { 'path.cfg', 'path.dat' }, command = 'setfiletype icewarp' })
  vim.api.nvim_create_autocmd('FileType', {
    pattern = 'icewarp',
    callback = function(args)
      client_id = client_id or vim.lsp.start_client({
        name = 'icewarp',
        cmd = config.cmd,
        root_dir = config.root,
        init_options = config.init_options,
        -- 0.7 answers workspace/configuration from `settings` but neither advertises it nor
        -- pushes them: the setup's on_init pushes them.
        settings = config.settings,
        on_init = config.settings and function(client)
          client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
        end or nil,
        offset_encoding = config.encoding,
        capabilities = capabilities,
        handlers = {
          ['textDocument/publishDiagnostics'] = function(err, result, ctx, handler_config)
            published[result.uri] = result.diagnostics
            published_version[result.uri] = result.version
            publish_count[result.uri] = (publish_count[result.uri] or 0) + 1
            return vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, handler_config)
          end,
        },
      })
      vim.lsp.buf_attach_client(args.buf, client_id)
    end,
  })

  vim.cmd('edit ' .. vim.fn.fnameescape(node_path('mx3')))
  if not client_id then error('the language server did not start', 0) end
  local client = vim.lsp.get_client_by_id(client_id)
  local mx3 = vim.api.nvim_get_current_buf()
  observed.filetype = vim.bo.filetype
  -- Settled: the server has published for every node (the unopened ones through its index),
  -- and, when the session turns a code off, none shows it (settings pushed after `initialized`
  -- may arrive after the first diagnostics).
  wait_for('diagnostics of every node', function()
    for _, node in ipairs({ 'mx1', 'mx2', 'mx3' }) do
      if not publish_count[uri_of(node_path(node))] then return false end
      if config.turned_off and has_code(node, config.turned_off) then return false end
    end
    return has_code('mx3', 'whitespace')
  end)
  observed.encoding = client.offset_encoding
  observed.before = { mx1 = shown('mx1'), mx2 = shown('mx2'), mx3 = shown('mx3') }
  if config.scenario == 'settings' then return end

  if config.scenario == 'edit' then
    -- Hover on the role flag (line 14).
    vim.api.nvim_win_set_cursor(0, { 14, 0 })
    local hover = request(mx3, 'textDocument/hover', vim.lsp.util.make_position_params(0, client.offset_encoding))
    observed.hover = hover and hover.contents and hover.contents.value

    -- The quick fix of the trailing spaces after a non-ASCII key (line 12), applied by Neovim.
    local whitespace
    for _, item in ipairs(published[uri_of(node_path('mx3'))]) do
      if item.code == 'whitespace' and item.range.start.line == 11 then whitespace = item end
    end
    if not whitespace then error('no whitespace diagnostic on line 12', 0) end
    local actions = request(mx3, 'textDocument/codeAction', {
      textDocument = { uri = uri_of(node_path('mx3')) },
      range = whitespace.range,
      context = { diagnostics = { whitespace } },
    })
    local fix
    for _, action in ipairs(actions or {}) do
      if action.isPreferred then fix = action end
    end
    if not fix then error('no preferred quick fix for whitespace', 0) end
    observed.fix_title = fix.title
    local count = publish_count[uri_of(node_path('mx3'))]
    vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
    observed.fixed_line = vim.api.nvim_buf_get_lines(mx3, 11, 12, false)[1]
    wait_for('diagnostics after the fix', function()
      return publish_count[uri_of(node_path('mx3'))] > count and not has_code('mx3', 'whitespace')
    end)
    observed.after = shown('mx3')
    return
  end

  if config.scenario == 'rename' then
    -- Rename the master host where mx3 names it (line 15), across every node, applied by Neovim.
    vim.api.nvim_win_set_cursor(0, { 15, 2 })
    local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
    params.newName = config.new_name
    local edit = request(mx3, 'textDocument/rename', params)
    if not edit then error('no rename edit', 0) end
    vim.lsp.util.apply_workspace_edit(edit, client.offset_encoding)
    vim.cmd('wall')
    -- Neovim loaded the other nodes to edit them, and the FileType autocommand attached them:
    -- settled when the server has published each node at the version Neovim last sent, with
    -- no cluster problem left (a half-applied rename would leave the nodes disagreeing).
    observed.attached = {}
    wait_for('the renamed nodes validated at their last version, in agreement', function()
      for _, node in ipairs({ 'mx1', 'mx2', 'mx3' }) do
        local bufnr = vim.fn.bufnr(node_path(node))
        local uri = uri_of(node_path(node))
        if not vim.lsp.buf_is_attached(bufnr, client_id) then return false end
        observed.attached[node] = true
        if published_version[uri] ~= vim.lsp.util.buf_versions[bufnr] then return false end
        for _, item in ipairs(published[uri] or {}) do
          if tostring(item.code):find('^cluster%-') then return false end
        end
      end
      return true
    end)
    observed.after = { mx1 = shown('mx1'), mx2 = shown('mx2'), mx3 = shown('mx3') }
    return
  end
  error('unknown scenario ' .. tostring(config.scenario), 0)
end

local ok, failure = xpcall(run, function(message) return debug.traceback(tostring(message), 2) end)
vim.lsp.stop_client(vim.lsp.get_active_clients(), true)
finish(not ok and failure or nil)
