// The bundled server as editors and external tools start it: `node dist/server.js --stdio`, and
// over Node IPC as the VS Code client does (run `npm run build` first). The other protocol tests
// run the core in process (the secrets test aside); these prove the entry wires it to a real
// transport.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { clusterResponseSchema } from '../../common/protocol';
import { TestClient, codes, fileUri, type Transport } from './lspClient';

let folder: string;
before(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-smoke-'));
  await fs.mkdir(path.join(folder, 'mx1'));
  await fs.copyFile(path.resolve(__dirname, '../fixtures/cluster/mx1/path.dat'), path.join(folder, 'mx1', 'path.dat'));
});
after(() => fs.rm(folder, { recursive: true, force: true }));

for (const transport of ['stdio', 'ipc'] satisfies Transport[]) {
  describe(`dist/server.js over ${transport}`, () => {
    test('indexes the workspace, validates an opened file, answers a custom request, and exits at the client\'s word', async () => {
      const client = await TestClient.start({ transport, folders: [folder] });
      const exited = new Promise<number | null>((resolve) => client.process?.once('exit', (code) => resolve(code)));
      try {
        assert.ok(client.initializeResult?.capabilities.hoverProvider, 'the features are registered');
        const onDisk = fileUri(path.join(folder, 'mx1', 'path.dat'));
        assert.deepEqual(codes(await client.diagnosticsAfter(onDisk, 0)), [], 'the unopened node on disk is indexed and clean');

        const uri = 'untitled:smoke/path.dat';
        await client.open(uri, '\n\n\n123\n');
        assert.ok(codes(await client.diagnosticsAfter(uri, 0)).includes('server-id-too-long'));

        const model = clusterResponseSchema.parse(await client.request<unknown>('icewarp/cluster', {}));
        assert.deepEqual(
          model.clusters.flatMap((cluster) => cluster.nodes.filter((node) => node.kind === 'file').map((node) => node.uri)),
          [onDisk],
        );
        const status = await client.status();
        assert.equal(status.pid, client.process?.pid, 'the status is the server process\'s own');
        assert.ok(status.rssBytes > 0);
      } finally {
        await client.stop();
      }
      assert.equal(await exited, 0, 'shutdown then exit ends the process cleanly');
    });
  });
}
