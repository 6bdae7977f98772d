// The Node client's bundles as VS Code's extension host loads them (run `npm run build` first):
// what activation compiles is dist/client.js alone, with no zod and none of the cluster view or
// commands; activate() loads dist/clientFeatures.js after the server's start, and that bundle
// takes the language client libraries from dist/client.js instead of holding a second copy.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { VSCODE_STUB_PRELUDE } from '../../testing/vscodeStub';

const DIST = path.resolve(__dirname, '../../dist');
const CLIENT = path.join(DIST, 'client.js');
const FEATURES = path.join(DIST, 'clientFeatures.js');

/** Requires the bundles in a fresh Node with a stub `vscode` (any property, call or construction gives the stub). */
const PROBE = `${VSCODE_STUB_PRELUDE}
const loaded = () => Object.keys(require.cache).filter((key) => key !== 'vscode').map((key) => require('path').basename(key));
const client = require(process.argv[1]);
const afterRequire = loaded();
const features = require(process.argv[2]);
console.log(JSON.stringify({
  afterRequire,
  clientExports: Object.keys(client).sort(),
  featuresExports: Object.keys(features).sort(),
}));
`;

describe('the Node client bundles (dist/client.js, dist/clientFeatures.js)', () => {
  test('requiring the activation bundle loads no other module of ours, and it holds no zod', () => {
    const result = JSON.parse(execFileSync(process.execPath, ['-e', PROBE, CLIENT, FEATURES], { encoding: 'utf8' })) as { afterRequire: string[]; clientExports: string[]; featuresExports: string[] };
    assert.deepEqual(result.afterRequire, ['client.js'], 'only dist/client.js is loaded before activate()');
    assert.deepEqual(result.clientExports, ['activate', 'deactivate', 'sharedLibraries']);
    assert.deepEqual(result.featuresExports, ['activateFeatures'], 'dist/clientFeatures.js loads beside it');
    const client = readFileSync(CLIENT, 'utf8');
    assert.ok(!client.includes('ZodError'), 'zod is not in dist/client.js');
    assert.ok(readFileSync(FEATURES, 'utf8').includes('ZodError'), 'zod is in dist/clientFeatures.js');
  });

  test('the features bundle holds no copy of the language client libraries', () => {
    // The JSON-RPC header every message carries: in the library, never in our code.
    assert.ok(readFileSync(CLIENT, 'utf8').includes('Content-Length'));
    assert.ok(!readFileSync(FEATURES, 'utf8').includes('Content-Length'), 'dist/clientFeatures.js requires them from dist/client.js');
  });
});
