// A document opened while the server is still indexing the workspace keeps the editor's text: the
// index's read of the same file from disk must not overwrite it (after a crash, the client
// re-opens every document right as the new server starts indexing).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SERVER_STATUS_REQUEST } from '../../common/protocol';
import { TestClient, codes, fileUri } from '../../testing/lspClient';

let folder: string;
before(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-race-'));
  const fixture = await fs.readFile(path.resolve(__dirname, '../fixtures/cluster/mx1/path.dat'), 'utf8');
  for (let index = 0; index < 20; index++) {
    await fs.mkdir(path.join(folder, `n${index}`));
    await fs.writeFile(path.join(folder, `n${index}`, 'path.dat'), fixture.replace('mx1.example.net\nlicense', `n${index}.example.net\nlicense`));
  }
});
after(() => fs.rm(folder, { recursive: true, force: true }));

test('a document opened during the index keeps its unsaved text', async () => {
  const client = await TestClient.start({ folders: [folder] });
  try {
    const uri = fileUri(path.join(folder, 'n0', 'path.dat'));
    const saved = await fs.readFile(path.join(folder, 'n0', 'path.dat'), 'utf8');
    // Opened at once, with an edit the disk does not have: a trailing tab on line 12.
    await client.open(uri, saved.replace('license.key', 'license.key\t'));
    const last = fileUri(path.join(folder, 'n19', 'path.dat'));
    await client.diagnosticsAfter(last, 0);
    // Answered after every validation the index scheduled has run.
    await client.request(SERVER_STATUS_REQUEST, {});
    assert.ok(codes(client.latestDiagnostics(uri)).includes('whitespace'), `the editor's text was replaced by the disk's: ${codes(client.latestDiagnostics(uri))}`);
  } finally {
    await client.stop();
  }
});
