// Compiles the integration suite for the extension host. For VS Code's Node extension host:
// test/e2e/suite/*.ts -> out/e2e/suite/*.js (CommonJS; `vscode` is provided by the host, mocha is
// loaded from node_modules). For its web worker extension host (runCodeServer.mjs --web): one
// browser bundle out/e2e/web/index.js of every suite file with mocha's browser build, `node:assert`
// replaced by test/e2e/web/assert.ts, and other Node built-ins left to the tests that only run in
// Node (each imports them where it runs; see helpers.ts testIn).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const E2E_OUT_DIR = path.resolve(here, '..', '..', 'out', 'e2e');

const grep = JSON.stringify(process.env.ICEWARP_E2E_GREP ?? '');

/** @type {esbuild.Plugin} */
const assertForTheBrowser = {
  name: 'assert-for-the-browser',
  setup(build) {
    build.onResolve({ filter: /^(node:)?assert(\/strict)?$/ }, () => ({ path: path.join(here, 'web', 'assert.ts') }));
  },
};

export async function buildE2e() {
  const entryPoints = ['suite', 'vsix-probe/suite', 'broken-server/suite', 'restricted/suite', 'live/suite', 'czech/suite']
    .flatMap((folder) => fs.readdirSync(path.join(here, folder)).filter((file) => file.endsWith('.ts')).map((file) => path.join(here, folder, file)));
  fs.rmSync(E2E_OUT_DIR, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outbase: here,
    outdir: E2E_OUT_DIR,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    define: { __ICEWARP_E2E_HOST__: JSON.stringify('node') },
    logLevel: 'warning',
  });

  const suiteFiles = fs.readdirSync(path.join(here, 'suite')).filter((file) => file.endsWith('.e2e.ts')).sort();
  const webEntry = [
    "import { runSuite } from './web/mochaInWorker';",
    // In file order, as mocha loads them in Node (zz-crashes last).
    `export function run(): Promise<void> { return runSuite(() => { ${suiteFiles.map((file) => `require('./suite/${file.replace(/\.ts$/, '')}');`).join(' ')} }); }`,
  ].join('\n');
  await esbuild.build({
    stdin: { contents: webEntry, resolveDir: here, sourcefile: 'web-suite-index.ts', loader: 'ts' },
    outfile: path.join(E2E_OUT_DIR, 'web', 'index.js'),
    bundle: true,
    platform: 'browser',
    // The web extension host loads the tests as CommonJS with `vscode` as its only module.
    format: 'cjs',
    target: 'es2022',
    sourcemap: 'inline',
    external: ['vscode', 'node:*'],
    define: { __ICEWARP_E2E_HOST__: JSON.stringify('web worker'), __ICEWARP_E2E_GREP__: grep },
    plugins: [assertForTheBrowser],
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildE2e();
