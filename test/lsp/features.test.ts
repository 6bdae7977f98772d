// The editing features over LSP, the core in process: quick fixes
// and fix-all, hover, inlay hints, outline, completion and semantic tokens, and that no answer
// ever carries a password.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  DocumentSymbol,
  Hover,
  InlayHint,
  MarkupContent,
  SemanticTokens,
  SemanticTokensLegend,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { LSPErrorCodes } from 'vscode-languageserver-protocol';
import { TestClient, codes } from '../../testing/lspClient';
import { LINUX_MASTER, WINDOWS_SLAVE as BASE_WINDOWS_SLAVE, nodeText, withValues } from '../unit/helpers';

const PASSWORD = 'Zq9-unique-Passw0rd';

// The builders of the unit tests; line 5 carries a password no answer may contain.
const WINDOWS_SLAVE = withValues(BASE_WINDOWS_SLAVE, { 5: `\\\\fs01\\icewarp;ICEWARP\\svc-mail;${PASSWORD}` });

const doc = (uri: string) => ({ textDocument: { uri } });
const markdown = (hover: Hover | null): string => (hover ? (hover.contents as MarkupContent).value : '');

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('untitled:x', 'icewarp-pathcfg', 1, text), [...edits]);
}

describe('editing features over LSP', () => {
  let client: TestClient;
  /** Every answer of the server in this suite, to search for the password at the end. */
  const answers: unknown[] = [];
  const ask = async <R>(method: string, params: unknown): Promise<R> => {
    const answer = await client.request<R>(method, params);
    answers.push(answer);
    return answer;
  };

  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.stop());

  test('the server announces every editing feature', () => {
    const capabilities = client.initializeResult?.capabilities;
    assert.ok(capabilities);
    assert.equal(capabilities.hoverProvider, true);
    assert.ok(capabilities.inlayHintProvider);
    assert.ok(capabilities.documentSymbolProvider);
    assert.ok(capabilities.completionProvider);
    const codeActions = capabilities.codeActionProvider;
    assert.ok(typeof codeActions === 'object' && codeActions.codeActionKinds?.includes('quickfix') && codeActions.codeActionKinds.includes('source.fixAll.icewarp'));
    const legend = (capabilities.semanticTokensProvider as { legend: SemanticTokensLegend }).legend;
    assert.ok(legend.tokenTypes.includes('password'));
  });

  test('hover names the field and says what the value means', async () => {
    const uri = 'untitled:hover/path.dat';
    await client.open(uri, nodeText({ ...WINDOWS_SLAVE, 18: 'example linux master node' }, '\r\n', 18));
    const at = async (line: number, character = 0) => markdown(await ask<Hover | null>('textDocument/hover', { ...doc(uri), position: { line, character } }));

    const flag = await at(13);
    assert.match(flag, /\*\*Slave flag\*\* · line 14/);
    assert.ok(flag.includes("`1`: this server is a slave; the console's 'master mode' box is off"), flag);
    assert.ok((await at(1)).includes('empty: IceWarp uses its default'));
    const config = await at(0, 5);
    assert.match(config, /\*\*Config path\*\*/);
    assert.ok(config.includes('server `fs01`, share `icewarp`'), config);
    const logon = await at(4, 40);
    assert.ok(logon.includes('`••••`') && logon.includes('ICEWARP\\svc-mail'), logon);
    assert.ok((await at(17)).includes('IceWarp does not read lines after 17'));
    for (let line = 0; line < 17; line++) assert.ok((await at(line)).length > 0, `a hover on line ${line + 1}`);
  });

  test('inlay hints label every line 1-17, empty ones too, and follow an inserted line', async () => {
    const uri = 'untitled:hints/path.dat';
    const text = nodeText({ ...LINUX_MASTER, 17: 'https://mx1.example.net/teamchatapi/' });
    await client.open(uri, text);
    const hints = async () =>
      ask<InlayHint[]>('textDocument/inlayHint', { ...doc(uri), range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } } });
    const labelOn = (list: InlayHint[], line: number) => list.find((hint) => hint.position.line === line)?.label;

    const first = await hints();
    assert.equal(first.length, 17, 'one hint per field line, none on the empty line after the last newline');
    assert.equal(labelOn(first, 1), '← Web (html) path');
    assert.equal(labelOn(first, 3), '← Server ID');
    assert.equal(labelOn(first, 13), '← Slave flag');
    assert.deepEqual(first[3].position, { line: 3, character: 2 }, 'after the value');

    // An extra empty line after line 2 moves every later value down one field.
    const lines = text.split('\n');
    lines.splice(2, 0, '');
    await client.change(uri, lines.join('\n'), 2);
    const second = await hints();
    assert.equal(labelOn(second, 4), '← Remote logon', 'the Server ID value "11" is now read as line 5');
    assert.equal(labelOn(second, 14), '← Master host', 'the role flag "0" is now read as the master host');
    assert.equal(labelOn(second, 16), '← TeamChat API URL');
    assert.equal(labelOn(second, 17), '← not read (line 18)', 'the URL pushed out to line 18 says it is not read');
  });

  test('icewarp.inlayHints.enable turns them off, and a change asks the editor to refetch', async () => {
    const quiet = await TestClient.start({ settings: { inlayHints: { enable: false } } });
    try {
      const uri = 'untitled:nohints/path.dat';
      await quiet.open(uri, nodeText(LINUX_MASTER));
      const range = { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } };
      assert.deepEqual(await quiet.request<InlayHint[]>('textDocument/inlayHint', { ...doc(uri), range }), []);
      let refreshed = false;
      quiet.connection.onRequest('workspace/inlayHint/refresh', () => {
        refreshed = true;
        return null;
      });
      quiet.settings = { inlayHints: { enable: true } };
      await quiet.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await quiet.waitFor(() => refreshed, 'workspace/inlayHint/refresh');
      assert.equal((await quiet.request<InlayHint[]>('textDocument/inlayHint', { ...doc(uri), range })).length, 17);
    } finally {
      await quiet.stop();
    }
  });

  test('the outline lists the 17 fields with their values, the password masked', async () => {
    const uri = 'untitled:outline/path.dat';
    await client.open(uri, nodeText(WINDOWS_SLAVE, '\r\n'));
    const symbols = await ask<DocumentSymbol[]>('textDocument/documentSymbol', doc(uri));
    assert.equal(symbols.length, 17);
    assert.deepEqual(
      symbols.slice(0, 4).map((symbol) => [symbol.name, symbol.detail]),
      [
        ['1 Config path', '\\\\fs01\\icewarp\\config\\'],
        ['2 Web (html) path', '(empty)'],
        ['3 (reserved)', '(empty)'],
        ['4 Server ID', '12'],
      ],
    );
    assert.equal(symbols[4].detail, '\\\\fs01\\icewarp;ICEWARP\\svc-mail;••••');
    assert.deepEqual(symbols[15].children?.map((child) => child.name), ['mx2.example.net', 'mx3.example.net']);
  });

  test('completion: 0/1 on line 14, workspace hosts on 15 and 16, platform defaults on path lines', async () => {
    const windowsUri = 'untitled:complete-a/path.dat';
    // A saved node of the workspace (an untitled draft is no source of hosts for the others).
    const linuxUri = 'file:///tmp/icewarp-complete-b/path.dat';
    await client.open(windowsUri, nodeText({ ...WINDOWS_SLAVE, 13: '', 15: '', 16: 'mx2.example.net;' }, '\r\n'));
    await client.open(linuxUri, nodeText({ ...LINUX_MASTER, 13: '', 11: 'mx7.example.net', 16: 'mx2.example.net;mx8.example.net' }));
    const complete = (uri: string, line: number, character: number) =>
      ask<CompletionItem[]>('textDocument/completion', { ...doc(uri), position: { line, character } });

    const flags = await complete(windowsUri, 13, 1);
    assert.deepEqual(flags.map((item) => [item.label, item.detail]), [
      ['0', "this server is the master; the console's 'master mode' box is on"],
      ['1', "this server is a slave; the console's 'master mode' box is off"],
    ]);

    const masters = (await complete(windowsUri, 14, 0)).map((item) => item.label);
    for (const host of ['mx1.example.net', 'mx7.example.net', 'mx8.example.net']) assert.ok(masters.includes(host), `${host} in ${masters}`);
    const slaves = await complete(windowsUri, 15, 'mx2.example.net;'.length);
    assert.ok(!slaves.some((item) => item.label === 'mx2.example.net'), 'a host already listed is not offered again');
    assert.ok(slaves.some((item) => item.label === 'mx7.example.net' && /hostname/.test(item.detail ?? '')));

    const windowsPaths = (await complete(windowsUri, 12, 0)).map((item) => item.label);
    assert.deepEqual(windowsPaths, ['C:\\Program Files\\IceWarp\\mail\\_incoming\\']);
    const linuxPaths = (await complete(linuxUri, 12, 0)).map((item) => item.label);
    assert.deepEqual(linuxPaths, ['/opt/icewarp/mailqueues/_incoming/']);
  });

  test('semantic tokens colour by field, with the password a token type of its own', async () => {
    const uri = 'untitled:tokens/path.dat';
    await client.open(uri, nodeText({ ...WINDOWS_SLAVE, 18: 'leftover' }, '\r\n', 18));
    const legend = (client.initializeResult?.capabilities.semanticTokensProvider as { legend: SemanticTokensLegend }).legend;
    const result = await ask<SemanticTokens>('textDocument/semanticTokens/full', doc(uri));
    const tokens: { line: number; character: number; length: number; type: string }[] = [];
    let line = 0;
    let character = 0;
    for (let index = 0; index < result.data.length; index += 5) {
      const [deltaLine, deltaStart, length, type] = result.data.slice(index, index + 4);
      line += deltaLine;
      character = deltaLine === 0 ? character + deltaStart : deltaStart;
      tokens.push({ line, character, length, type: legend.tokenTypes[type] });
    }
    const typeAt = (lineIndex: number, characterIndex: number) =>
      tokens.find((token) => token.line === lineIndex && token.character <= characterIndex && characterIndex < token.character + token.length)?.type;
    assert.equal(typeAt(0, 3), 'uncServer', 'fs01');
    assert.equal(typeAt(0, 8), 'uncShare', 'icewarp');
    assert.equal(typeAt(3, 0), 'serverId');
    const passwordStart = WINDOWS_SLAVE[5].indexOf(PASSWORD);
    assert.deepEqual(tokens.find((token) => token.type === 'password'), { line: 4, character: passwordStart, length: PASSWORD.length, type: 'password' });
    assert.equal(typeAt(9, 0), 'ipAddress');
    assert.equal(typeAt(10, 0), 'host');
    assert.equal(typeAt(13, 0), 'roleFlag');
    assert.equal(typeAt(17, 0), 'unreadLine');
  });

  test('quick fixes answer by diagnostic code; fix-all converges in one pass', async () => {
    const uri = 'untitled:fixes/path.dat';
    const text = nodeText({ ...WINDOWS_SLAVE, 12: 'license.key  ', 16: 'mx2.example.net, mx3.example.net' }, '\r\n');
    await client.open(uri, text);
    const diagnostics = await client.diagnosticsAfter(uri, 0, (list) => codes(list).includes('whitespace'));
    const whitespace = diagnostics.find((diagnostic) => diagnostic.code === 'whitespace') as Diagnostic;
    const actions = await ask<CodeAction[]>('textDocument/codeAction', {
      ...doc(uri),
      range: whitespace.range,
      context: { diagnostics: [whitespace], only: ['quickfix'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'quickfix');
    assert.equal(actions[0].isPreferred, true);
    assert.deepEqual(actions[0].diagnostics, [whitespace]);
    assert.equal(applyEdits(text, actions[0].edit?.changes?.[uri] ?? []), text.replace('license.key  \r\n', 'license.key\r\n'));

    // The code and range decide, never the message or the source: a reworded message, or none
    // (ALE sends no source), gets the same fix; another linter's diagnostic of another code on
    // the range names nothing of ours, and the fix names the server's own diagnostic.
    const reworded = await ask<CodeAction[]>('textDocument/codeAction', {
      ...doc(uri),
      range: whitespace.range,
      context: { diagnostics: [{ ...whitespace, message: 'something else entirely' }] },
    });
    assert.deepEqual(reworded.map((action) => action.title), actions.map((action) => action.title));
    const { source: _source, ...sourceless } = whitespace;
    const withoutSource = await ask<CodeAction[]>('textDocument/codeAction', { ...doc(uri), range: whitespace.range, context: { diagnostics: [sourceless] } });
    assert.deepEqual(withoutSource.map((action) => action.title), actions.map((action) => action.title));
    const foreign = await ask<CodeAction[]>('textDocument/codeAction', {
      ...doc(uri),
      range: whitespace.range,
      context: { diagnostics: [{ ...whitespace, source: 'other-linter', code: 'E501' }] },
    });
    assert.deepEqual(foreign.map((action) => [action.title, action.diagnostics]), [[actions[0].title, [whitespace]]]);

    const fixAll = async (current: string) =>
      ask<CodeAction[]>('textDocument/codeAction', {
        ...doc(uri),
        range: { start: { line: 0, character: 0 }, end: { line: 17, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      }).then((list) => ({ list, text: applyEdits(current, list[0]?.edit?.changes?.[uri] ?? []) }));
    const first = await fixAll(text);
    assert.equal(first.list.length, 1);
    assert.equal(first.list[0].kind, 'source.fixAll.icewarp');
    assert.ok(first.text.includes('\r\nlicense.key\r\n') && first.text.includes('\r\nmx2.example.net;mx3.example.net\r\n'), JSON.stringify(first.text));
    assert.ok(!/(^|[^\r])\n/.test(first.text), 'CRLF stays CRLF');
    const count = client.publishCount(uri);
    await client.change(uri, first.text, 2);
    await client.diagnosticsAfter(uri, count);
    const second = await fixAll(first.text);
    assert.deepEqual(second.list, [], 'a second fix-all finds nothing');
  });

  test('$/cancelRequest stops a fix-all, which gives way to other messages between its steps', async () => {
    const uri = 'untitled:huge/path.dat';
    // A megabyte pasted into line 16: fix-all has rounds of work to do on it.
    const text = nodeText({ ...LINUX_MASTER, 16: 'mx2.example.net, mx3.example.net, '.repeat(30_000) });
    await client.open(uri, text);
    await client.diagnosticsAfter(uri, 0);
    const source = new CancellationTokenSource();
    const whole = { start: { line: 0, character: 0 }, end: { line: 16, character: 0 } };
    const answer = client.request<CodeAction[]>('textDocument/codeAction', { ...doc(uri), range: whole, context: { diagnostics: [], only: ['source.fixAll'] } }, source.token);
    source.cancel();
    await assert.rejects(answer, (error: { code?: number }) => error.code === LSPErrorCodes.RequestCancelled);
    // The server goes on answering.
    assert.match(markdown(await ask<Hover>('textDocument/hover', { ...doc(uri), position: { line: 3, character: 0 } })), /Server ID/);
    await client.close(uri);
  });

  test('no answer of any feature ever holds the password', async () => {
    const uri = 'untitled:secret/path.dat';
    // A malformed neighbour of the password invites fixes on line 5.
    const values = { ...WINDOWS_SLAVE, 5: `//fs01/icewarp ; ICEWARP\\svc-mail;${PASSWORD} | \\\\fs02\\x;u;${PASSWORD}2 ` };
    const text = nodeText(values, '\r\n');
    await client.open(uri, text);
    const diagnostics = await client.diagnosticsAfter(uri, 0);
    const lineLength = values[5].length;
    for (let character = 0; character <= lineLength; character += 3) {
      await ask('textDocument/hover', { ...doc(uri), position: { line: 4, character } });
      await ask('textDocument/completion', { ...doc(uri), position: { line: 4, character } });
    }
    for (let line = 0; line < 17; line++) await ask('textDocument/completion', { ...doc(uri), position: { line, character: 0 } });
    await ask('textDocument/inlayHint', { ...doc(uri), range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } } });
    await ask('textDocument/documentSymbol', doc(uri));
    await ask('textDocument/semanticTokens/full', doc(uri));
    const line5 = { start: { line: 4, character: 0 }, end: { line: 4, character: lineLength } };
    const onLine5 = [
      ...diagnostics.filter((diagnostic) => diagnostic.range.start.line === 4),
      ...['whitespace', 'unc-forward-slashes', 'unc-malformed', 'remote-logon-malformed'].map((code) => ({ range: line5, code, source: 'icewarp', message: '' })),
    ];
    const fixes = await ask<CodeAction[]>('textDocument/codeAction', { ...doc(uri), range: line5, context: { diagnostics: onLine5 } });
    assert.ok(fixes.length > 0, 'line 5 gets fixes');
    await ask('textDocument/codeAction', { ...doc(uri), range: line5, context: { diagnostics: [], only: ['source.fixAll.icewarp'] } });
    const everything = JSON.stringify(answers);
    assert.ok(answers.length > 40);
    assert.ok(!everything.includes(PASSWORD), 'the password appears in no answer');
    assert.ok(!JSON.stringify(diagnostics).includes(PASSWORD), 'nor in a diagnostic');
  });
});
