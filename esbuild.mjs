// The bundles: the client runs in VS Code's extension host (vscode is provided there), the
// server runs as a plain Node process and must start with `node dist/server.js --stdio`, the
// command line (`node dist/cli.js check`) and the language server's own command wrap the same
// service. `--cli-package` writes production bundles of the last three into the npm package
// packages/icewarp-pathcfg/ (see scripts/packCli.mjs).
import { readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';

const cliPackage = process.argv.includes('--cli-package');
const production = cliPackage || process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const outdir = cliPackage ? 'packages/icewarp-pathcfg/dist' : 'dist';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const cliVersion = JSON.parse(readFileSync(new URL('./packages/icewarp-pathcfg/package.json', import.meta.url), 'utf8')).version;
// jsonc-parser's default entry is a UMD build whose requires esbuild cannot follow: take its ES module.
// The code pages (docs/codes/*.md) go into the command line as text, for SARIF's rule help.
const cli = { ...common, mainFields: ['module', 'main'], loader: { '.md': 'text' }, charset: 'utf8', define: { __ICEWARP_CLI_VERSION__: JSON.stringify(cliVersion) } };

const builds = [
  ...(cliPackage ? [] : [{ ...common, entryPoints: ['client/src/extension.ts'], outfile: `${outdir}/client.js`, external: ['vscode'] }]),
  { ...common, entryPoints: ['server/src/server.ts'], outfile: `${outdir}/server.js` },
  { ...cli, entryPoints: ['cli/src/cli.ts'], outfile: `${outdir}/cli.js` },
  // Requires the server bundle beside it rather than holding a second copy.
  { ...cli, entryPoints: ['cli/src/languageServer.ts'], outfile: `${outdir}/language-server.js`, external: ['./server.js'] },
];

if (watch) {
  for (const options of builds) (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
