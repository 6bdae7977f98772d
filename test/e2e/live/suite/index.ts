// Suite entry for the live cluster (runCodeServer.mjs --live-cluster, started by npm run test:ssh
// with its own sshd): Pull / Push Cluster in a real VS Code against real SSH servers.
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 120_000, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'liveCluster.e2e.js'));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} live cluster test(s) failed`)) : resolve()));
  });
}
