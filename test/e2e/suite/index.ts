// The suite entry VS Code's extension host loads (extensionTestsPath): the same file serves
// code-server (test/e2e/runCodeServer.mjs) and desktop VS Code (test/e2e/runElectron.mjs).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  // Optional filter, e.g. ICEWARP_E2E_GREP="garbage" npm run test:e2e
  if (process.env.ICEWARP_E2E_GREP) mocha.grep(process.env.ICEWARP_E2E_GREP);
  for (const file of fs.readdirSync(__dirname).sort()) {
    if (file.endsWith('.e2e.js')) mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
