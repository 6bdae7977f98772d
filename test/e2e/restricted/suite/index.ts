// Suite entry for Restricted Mode (runCodeServer.mjs --restricted): the installed .vsix in a
// folder that is not trusted.
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'restricted.e2e.js'));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} Restricted Mode test(s) failed`)) : resolve()));
  });
}
