// Suite entry for VS Code in Czech (runCodeServer.mjs --czech): code-server started with
// --locale cs and a Czech language pack installed offline.
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'czech.e2e.js'));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} Czech test(s) failed`)) : resolve()));
  });
}
