// Suite entry for the installed-.vsix check (see test/e2e/runCodeServer.mjs --vsix).
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'vsix.e2e.js'));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} .vsix test(s) failed`)) : resolve()));
  });
}
