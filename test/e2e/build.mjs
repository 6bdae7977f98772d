// Compiles the integration suite for the extension host: test/e2e/suite/*.ts -> out/e2e/suite/*.js
// (CommonJS; `vscode` is provided by the host, mocha is loaded from node_modules).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const E2E_OUT_DIR = path.resolve(here, '..', '..', 'out', 'e2e');

export async function buildE2e() {
  const entryPoints = ['suite', 'vsix-probe/suite', 'broken-server/suite']
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
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildE2e();
