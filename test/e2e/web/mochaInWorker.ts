// Mocha in the web worker extension host: its browser build (no Node there), the same settings
// as the Node entry (../suite/index.ts). The suite files are registered by the entry that
// test/e2e/build.mjs generates, after setup, so their suite() calls find mocha's globals.
import 'mocha/mocha.js';

// Baked in by the build: the web worker has no environment to read ICEWARP_E2E_GREP from.
declare const __ICEWARP_E2E_GREP__: string;

export function runSuite(registerSuiteFiles: () => void): Promise<void> {
  mocha.setup({ ui: 'tdd', reporter: 'spec', timeout: 60_000, color: false });
  if (__ICEWARP_E2E_GREP__) mocha.grep(__ICEWARP_E2E_GREP__);
  registerSuiteFiles();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
