// Hostile input for the language server: settings that reach for Object.prototype, folders it
// cannot search, Add Node's file anywhere, URIs in another client's spelling, a client's wrong
// answers, broken message framing, a locale that is no string.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { promises as fs, mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ApplyWorkspaceEditParams, CreateFile } from 'vscode-languageserver-protocol';
import {
  ADD_NODE_REQUEST,
  CHECK_NEW_NODE_REQUEST,
  CLUSTER_EXECUTE_COMMANDS,
  COMPARE_NODES_REQUEST,
  type ClusterEditAnswer,
  type CompareNodesAnswer,
  type ExecuteCommandResult,
  type NewNodeCheckAnswer,
} from '../../common/clusterRequests';
import type { FileAccess } from '../../server/src/host/files';
import { nodeFileAccess } from '../../server/src/host/diskNodeFiles';
import { SERVER_PATH, TestClient, codes, fileUri } from '../../testing/lspClient';
import { windowsNode } from '../unit/clusterFixtures';

const FIXTURE = path.resolve(__dirname, '../fixtures/cluster/mx1/path.dat');
/** A node whose Server ID (line 4) is one character too long. */
const LONG_ID = (text: string) => text.replace(/^11$/m, '117');

let root: string;
before(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-hostile-'));
});
after(() => fs.rm(root, { recursive: true, force: true }));

/** Warnings the server shows (window/showMessage). */
function warningsOf(client: TestClient): string[] {
  const warnings: string[] = [];
  client.connection.onNotification('window/showMessage', (params: { message: string }) => warnings.push(params.message));
  return warnings;
}

describe('settings are read without prototypes', () => {
  test('__proto__, constructor and prototype at every level of every source switch nothing off, here or elsewhere', async () => {
    const folders = ['a', 'b'].map((name) => path.join(root, 'proto', name));
    const text = LONG_ID(await fs.readFile(FIXTURE, 'utf8'));
    for (const folder of folders) {
      await fs.mkdir(path.join(folder, 'mx1'), { recursive: true });
      await fs.writeFile(path.join(folder, 'mx1', 'path.dat'), text);
    }
    // As a client's JSON carries them: own keys named __proto__ (an object literal would set the prototype).
    const hostile = (): unknown =>
      JSON.parse(
        '{"__proto__": {"diagnostics": {"severity": {"server-id-too-long": "off"}}}, "constructor": {"prototype": {"maxFileSize": 0}},' +
          ' "diagnostics": {"__proto__": {"severity": {"server-id-too-long": "off"}}, "severity": {"__proto__": {"server-id-too-long": "off"}, "constructor": "off", "prototype": "off", "toString": "off"}},' +
          ' "prototype": {"validate": {"enable": false}}}',
      );
    const client = await TestClient.start({
      folders,
      initializationOptions: { icewarp: hostile() },
      settings: (scopeUri: string | undefined) => (scopeUri?.startsWith(fileUri(folders[0])) ? hostile() : {}),
    });
    try {
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { icewarp: hostile() } });
      for (const folder of folders) {
        const uri = fileUri(path.join(folder, 'mx1', 'path.dat'));
        assert.ok(codes(await client.diagnosticsAfter(uri, 0, (diagnostics) => diagnostics.length > 0)).includes('server-id-too-long'), folder);
      }
      await client.idle();
      for (const folder of folders) assert.ok(codes(client.latestDiagnostics(fileUri(path.join(folder, 'mx1', 'path.dat')))).includes('server-id-too-long'));
      assert.equal(({} as Record<string, unknown>)['server-id-too-long'], undefined, 'Object.prototype untouched');
    } finally {
      await client.stop();
    }
  });
});

describe('folders the server cannot search are named', () => {
  test('a folder whose name is not UTF-8 (VS Code cannot open it) is named in the log and one warning, and the rest is indexed', async () => {
    const folder = path.join(root, 'bytes');
    mkdirSync(path.join(folder, 'mx1'), { recursive: true });
    writeFileSync(path.join(folder, 'mx1', 'path.dat'), await fs.readFile(FIXTURE));
    const backups = Buffer.concat([Buffer.from(`${folder}/Z`), Buffer.of(0xe1), Buffer.from('lohy')]);
    mkdirSync(backups);
    writeFileSync(Buffer.concat([backups, Buffer.from('/path.dat')]), await fs.readFile(FIXTURE));
    const client = await TestClient.start({ folders: [folder] });
    const warnings = warningsOf(client);
    try {
      await client.diagnosticsAfter(fileUri(path.join(folder, 'mx1', 'path.dat')), 0);
      await client.waitFor(() => client.logMessages.some((message) => message.includes('Z\\xe1lohy')), 'the log line');
      await client.status();
      const shown = `${folder}/Z\\xe1lohy`;
      assert.deepEqual(warnings, [`${shown} could not be searched for path.cfg and path.dat, so the node files in it are not checked; the log says why.`]);
      assert.ok(
        client.logMessages.includes(`Not searched for path.cfg and path.dat: ${shown} (its name is not valid UTF-8, and VS Code cannot open files by such a name).`),
        client.logMessages.join('\n'),
      );
    } finally {
      await client.stop();
    }
  });

  test('a folder that cannot be listed: the log names it with why, one warning per search that finds new ones', async () => {
    const folder = path.join(root, 'locked');
    await fs.mkdir(path.join(folder, 'mx1'), { recursive: true });
    await fs.writeFile(path.join(folder, 'mx1', 'path.dat'), await fs.readFile(FIXTURE));
    // Root lists anything: the walk's own detection is tested as nobody by test/cli/hostile.test.ts.
    const files: FileAccess = {
      ...nodeFileAccess,
      findNodeFiles: async (folders) => ({
        ...(await nodeFileAccess.findNodeFiles(folders)),
        unlisted: [
          { name: `${folder}/private`, reason: 'could not be listed: permission denied' },
          { name: `${folder}/archive`, reason: 'could not be listed: input/output error' },
        ],
      }),
    };
    const client = await TestClient.start({ folders: [folder], files });
    const warnings = warningsOf(client);
    try {
      await client.diagnosticsAfter(fileUri(path.join(folder, 'mx1', 'path.dat')), 0);
      await client.status();
      // A second search (a folder added) finds the same folders: nothing more is said.
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: fileUri(path.join(folder, 'mx1')), name: 'mx1' }], removed: [] } });
      await client.diagnosticsAfter(fileUri(path.join(folder, 'mx1', 'path.dat')), 1);
      await client.status();
      assert.deepEqual(warnings, [
        `2 folders could not be searched for path.cfg and path.dat, so the node files in them are not checked: ${folder}/private, ${folder}/archive. The log says why.`,
      ]);
      assert.ok(client.logMessages.includes(`Not searched for path.cfg and path.dat: ${folder}/private (could not be listed: permission denied).`));
      assert.equal(client.logMessages.filter((message) => message.includes(`${folder}/archive`)).length, 1);
    } finally {
      await client.stop();
    }
  });
});

describe('cluster commands take their URIs from any client, and Add Node its file only beside the cluster', () => {
  let client: TestClient;
  let folder: string;
  const applied: ApplyWorkspaceEditParams[] = [];
  /** Folder names that clients spell differently: `(`, `)`, `'`, `+` (vscode-uri encodes them). */
  const NAMES = ['mx1 (a)', "mx2'b", 'mx3+c'];
  const uriOf = (k: number) => fileUri(path.join(folder, NAMES[k - 1], 'path.dat'));
  /** Another client's spelling of the same file: those characters as they are. */
  const otherSpelling = (uri: string) => uri.replace(/%28/g, '(').replace(/%29/g, ')').replace(/%27/g, "'").replace(/%2B/g, '+');

  before(async () => {
    folder = path.join(root, 'spellings');
    for (const k of [1, 2, 3]) {
      await fs.mkdir(path.join(folder, NAMES[k - 1]), { recursive: true });
      await fs.writeFile(path.join(folder, NAMES[k - 1], 'path.dat'), windowsNode(k, 3));
    }
    client = await TestClient.start({ folders: [folder] });
    client.connection.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
      applied.push(params);
      return { applied: true };
    });
    await Promise.all([1, 2, 3].map((k) => client.diagnosticsAfter(uriOf(k), 0)));
  });
  after(() => client.stop());

  test('a bare-string node URI, otherUri and fileUri in another spelling name the same files', async () => {
    assert.notEqual(otherSpelling(uriOf(2)), uriOf(2), 'the spellings differ');
    const result = await client.request<ExecuteCommandResult>('workspace/executeCommand', { command: CLUSTER_EXECUTE_COMMANDS.promoteToMaster, arguments: [otherSpelling(uriOf(2))] });
    assert.equal(result.applied, true, 'the command found the node');
    const compared = await client.request<CompareNodesAnswer>(COMPARE_NODES_REQUEST.method, { uri: otherSpelling(uriOf(2)), otherUri: otherSpelling(uriOf(3)) });
    assert.ok(compared.ok, compared.ok ? '' : compared.reason);
    assert.deepEqual([compared.left, compared.right], [uriOf(2), uriOf(3)]);
    const newFile = fileUri(path.join(folder, 'mx4 (new)', 'path.dat'));
    const added = await client.request<ClusterEditAnswer>(ADD_NODE_REQUEST.method, { uri: otherSpelling(uriOf(1)), hostname: 'mx4.example.net', fileUri: otherSpelling(newFile) });
    assert.ok(added.ok, added.ok ? '' : added.reason);
    assert.equal((added.edit.documentChanges?.[0] as CreateFile).uri, newFile, 'created in the server\'s spelling');
  });

  test('Add Node refuses a file that is no URI, of another scheme, climbing out with .., or not beside the cluster; the input box says so', async () => {
    const base = fileUri(folder);
    const elsewhere = [
      'not a uri at all',
      'https://example.com/mx4/path.dat',
      `${base}/${encodeURIComponent(NAMES[0])}/../../../etc/mx4/path.dat`,
      `${base}/../outside/mx4/path.dat`,
      `${base}/mx4/%2E%2E/%2E%2E/x/path.dat`,
      'file:///etc/mx4/path.dat',
      `${base}/mx4/path.dat?query`,
      `${base}/mx4/notes.txt`,
      `${base}/path.dat`,
      `${base}/${'x'.repeat(100_000)}/../path.dat`,
    ];
    for (const fileUri of elsewhere) {
      const answer = await client.request<ClusterEditAnswer>(ADD_NODE_REQUEST.method, { uri: uriOf(1), hostname: 'mx4.example.net', fileUri });
      assert.equal(answer.ok, false, fileUri.slice(0, 100));
      assert.match(answer.ok ? '' : answer.reason, /is not a place for a node of this cluster|A node file is named path\.cfg or path\.dat/, fileUri.slice(0, 100));
      assert.ok((answer.ok ? '' : answer.reason).length < 400, 'the refusal quotes a bounded part');
      await assert.rejects(
        client.request('workspace/executeCommand', { command: CLUSTER_EXECUTE_COMMANDS.addNode, arguments: [{ uri: uriOf(1), hostname: 'mx4.example.net', fileUri }] }),
        /is not a place for a node of this cluster|A node file is named/,
      );
      const check = await client.request<NewNodeCheckAnswer>(CHECK_NEW_NODE_REQUEST.method, { uri: uriOf(1), hostname: 'mx4.example.net', fileUri });
      assert.ok(check.ok && check.problems.file, `the input box shows it: ${fileUri.slice(0, 100)}`);
    }
    assert.match(
      (await client.request<ClusterEditAnswer>(ADD_NODE_REQUEST.method, { uri: uriOf(1), hostname: 'mx4.example.net', fileUri: 'https://example.com/mx4/path.dat' })).ok ? '' : 'refused',
      /refused/,
    );
    const beside = await client.request<ClusterEditAnswer>(ADD_NODE_REQUEST.method, { uri: uriOf(1), hostname: 'mx4.example.net', fileUri: `${base}/new/mx4/path.dat` });
    assert.ok(beside.ok, 'a folder of its own beside the nodes, however deep');
    const byDefault = await client.request<ClusterEditAnswer>(ADD_NODE_REQUEST.method, { uri: uriOf(1), hostname: 'mx4.example.net' });
    assert.ok(byDefault.ok, 'the default place');
    assert.equal(applied.length, 1, 'only the promotion of the first test was applied');
  });
});

describe("the client's answers are checked", () => {
  test('null and other wrong answers to the file requests are "not readable", and the server lives on', async () => {
    const folder = 'memfs:/hostile';
    const node = `${folder}/mx1/path.dat`;
    const answers: unknown[] = [null, { kind: 'text' }, { kind: 'text', text: 42 }, { kind: 'too-large', size: 'big' }, 'text', []];
    let reads = 0;
    // Answers as a client would send them over JSON-RPC, whatever their type.
    const clientFiles = {
      findNodeFiles: async () => ({ uris: [node, 42], truncated: 'yes' }),
      readNodeFile: async () => answers[reads++ % answers.length],
      stat: async () => ({ type: 'file', size: -1 }),
    } as unknown as FileAccess;
    const client = await TestClient.start({ transport: 'stdio', folderUris: [folder], clientFiles });
    try {
      const text = LONG_ID(await fs.readFile(FIXTURE, 'utf8'));
      for (let round = 0; round < answers.length; round++) {
        const beforeOpen = client.publishCount(node);
        await client.open(node, text, 'icewarp-pathcfg', round + 1);
        await client.diagnosticsAfter(node, beforeOpen, (diagnostics) => codes(diagnostics).includes('server-id-too-long'));
        // Closed, the file is read again through the client: a wrong answer means the file is not there.
        const beforeClose = client.publishCount(node);
        await client.close(node);
        await client.diagnosticsAfter(node, beforeClose, (diagnostics) => diagnostics.length === 0);
      }
      assert.ok(reads >= answers.length, `every wrong answer was given (${reads})`);
      assert.ok(client.isAlive);
      assert.ok((await client.status()).pid > 0);
    } finally {
      await client.stop();
    }
  });
});

describe('broken framing ends the server', () => {
  /** dist/server.js over stdio, sent `bytes` with stdin kept open: its exit code and stderr, or 'alive' after 5 s. */
  function sendBytes(bytes: string): Promise<{ code: number | null | 'alive'; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.stdout.resume();
      const timer = setTimeout(() => {
        child.kill();
        resolve({ code: 'alive', stderr });
      }, 5_000);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, stderr });
      });
      child.stdin.write(bytes);
    });
  }
  const message = (body: string, length = Buffer.byteLength(body)) => `Content-Length: ${length}\r\n\r\n${body}`;
  const initialize = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  const shutdown = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'shutdown' });

  const cases: Record<string, string> = {
    'a Content-Length smaller than the body': message(initialize, 10),
    'a Content-Length larger than the body (the next message eaten)': message(initialize, Buffer.byteLength(initialize) + 20) + message(shutdown),
    'no Content-Length': `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${initialize}`,
    'a Content-Length that is not a number': `Content-Length: twelve\r\n\r\n${initialize}`,
  };
  for (const [name, bytes] of Object.entries(cases)) {
    test(`${name}: one line on stderr and exit 1`, async () => {
      const { code, stderr } = await sendBytes(bytes);
      assert.equal(code, 1, stderr);
      assert.match(stderr, /^IceWarp language server: unreadable message \(.+\); the message framing is lost, exiting\.\n$/);
    });
  }
});

describe('initialize with a locale that is no string', () => {
  for (const locale of [42, { language: 'cs' }, ['cs'], 'constructor', '__proto__']) {
    test(`locale ${JSON.stringify(locale)}: the server starts and speaks English`, async () => {
      // The option is typed as a string, as a well-behaved client sends it; this one is not.
      const client = await TestClient.start({ locale: locale as unknown as string });
      try {
        const uri = 'untitled:locale/path.dat';
        await client.open(uri, '\n\n\n123\n');
        const diagnostics = await client.diagnosticsAfter(uri, 0);
        assert.match(diagnostics.find((diagnostic) => diagnostic.code === 'server-id-too-long')?.message ?? '', /^Server ID "123" has 3 characters/);
      } finally {
        await client.stop();
      }
    });
  }
});
