// The bundles. For VS Code's Node extension host: the client (dist/client.js; vscode is provided
// there) and the server, a plain Node process that must start with `node dist/server.js --stdio`.
// For the browser (vscode.dev, github.dev, code-server's web worker extension host): the web
// extension's client with the server's core inside it (dist/browser/client.js), and the server
// alone as a web worker script (dist/browser/server.js). The command line (`node dist/cli.js
// check`) and the language server's own command wrap the same service. `--cli-package` writes
// production bundles of the server, the command line and the language server's command into the
// npm package packages/icewarp-pathcfg/ (see scripts/packCli.mjs). dist/live.js, the command
// line's live cluster engine (pull / push over SSH), is for the Node client, loaded on first use.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
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

/** Node's built-in modules, with and without `node:`. */
const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/**
 * Fails a browser build that imports a Node built-in, naming the importer: esbuild would
 * otherwise take a package's `"browser": { "fs": false }` for an empty module, and the bundle
 * would break at run time in the browser.
 * @type {esbuild.Plugin}
 */
const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => {
      if (!NODE_BUILTINS.has(args.path)) return undefined;
      return { errors: [{ text: `"${args.path}" is a Node built-in, and this bundle runs in the browser (imported by ${args.importer})` }] };
    });
  },
};

const client = { ...common, external: ['vscode'] };

/**
 * The Node client in two bundles, so activation compiles only what the first diagnostics need:
 * dist/client.js requires ./features.ts as dist/clientFeatures.js, which takes the language
 * client libraries from dist/client.js (its `sharedLibraries`) rather than holding copies.
 * @type {esbuild.Plugin}
 */
const featuresApart = {
  name: 'features-apart',
  setup(build) {
    // Our ../features, as nodeClient.ts requires it, only: the language client library has
    // modules of that name too.
    build.onResolve({ filter: /^\.\.\/features$/ }, (args) =>
      /client[\\/]src[\\/]extensionHosts[\\/]nodeClient\.ts$/.test(args.importer) ? { path: './clientFeatures.js', external: true } : undefined,
    );
  },
};
/**
 * The live cluster engine (cli/src/live: check, sftp) is a bundle of its own, dist/live.js,
 * required by the Node client only when a Pull / Push command runs.
 * @type {esbuild.Plugin}
 */
const liveApart = {
  name: 'live-apart',
  setup(build) {
    build.onResolve({ filter: /cli\/src\/live\/index$/ }, (args) =>
      /client[\\/]src[\\/]extensionHosts[\\/]nodeClient\.ts$/.test(args.importer) ? { path: './live.js', external: true } : undefined,
    );
  },
};
/** @type {esbuild.Plugin} */
const librariesFromCore = {
  name: 'libraries-from-core',
  setup(build) {
    build.onResolve({ filter: /^vscode-(jsonrpc|languageclient)$/ }, (args) => ({ path: args.path, namespace: 'core-library' }));
    build.onLoad({ filter: /.*/, namespace: 'core-library' }, (args) => ({
      contents: `module.exports = require('./client.js').sharedLibraries[${JSON.stringify(args.path)}];`,
      loader: 'js',
    }));
    build.onResolve({ filter: /^\.\/client\.js$/, namespace: 'core-library' }, () => ({ path: './client.js', external: true }));
  },
};
const browser = { ...common, platform: 'browser', target: 'es2022', plugins: [noNodeBuiltins], metafile: true };

const cliVersion = JSON.parse(readFileSync(new URL('./packages/icewarp-pathcfg/package.json', import.meta.url), 'utf8')).version;
// jsonc-parser's default entry is a UMD build whose requires esbuild cannot follow: take its ES module.
// The code pages (docs/codes/*.md) go into the command line as text, for SARIF's rule help.
const cli = { ...common, mainFields: ['module', 'main'], loader: { '.md': 'text' }, charset: 'utf8', define: { __ICEWARP_CLI_VERSION__: JSON.stringify(cliVersion) } };

const builds = [
  ...(cliPackage
    ? []
    : [
        { ...client, entryPoints: ['client/src/extensionHosts/nodeMain.ts'], outfile: `${outdir}/client.js`, plugins: [featuresApart, liveApart] },
        { ...client, entryPoints: ['client/src/features.ts'], outfile: `${outdir}/clientFeatures.js`, plugins: [librariesFromCore] },
        // The web extension host loads an extension as CommonJS with `vscode` as its only module.
        { ...client, ...browser, format: 'cjs', entryPoints: ['client/src/extensionHosts/browserMain.ts'], outfile: `${outdir}/browser/client.js` },
        { ...browser, format: 'iife', entryPoints: ['server/src/browserServer.ts'], outfile: `${outdir}/browser/server.js` },
      ]),
  { ...common, entryPoints: ['server/src/server.ts'], outfile: `${outdir}/server.js` },
  ...(cliPackage ? [] : [{ ...cli, entryPoints: ['cli/src/live/index.ts'], outfile: `${outdir}/live.js` }]),
  { ...cli, entryPoints: ['cli/src/cli.ts'], outfile: `${outdir}/cli.js` },
  // Requires the server bundle beside it rather than holding a second copy.
  { ...cli, entryPoints: ['cli/src/languageServer.ts'], outfile: `${outdir}/language-server.js`, external: ['./server.js'] },
];

if (watch) {
  for (const options of builds) (await esbuild.context(options)).watch();
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build(options)));
  // The plugin stops imports; this stops whatever reached a browser bundle another way.
  results.forEach((result, index) => {
    const inputs = Object.keys(result.metafile?.inputs ?? {});
    const builtins = inputs.filter((input) => NODE_BUILTINS.has(input.replace(/^\(disabled\):/, '')) || input.startsWith('(disabled):'));
    if (builtins.length > 0) throw new Error(`${builds[index].outfile} holds Node built-ins or disabled modules: ${builtins.join(', ')}`);
  });
}
