#!/usr/bin/env node
// `icewarp-pathcfg-language-server`: the extension's language server for any LSP client (Neovim,
// Vim, Helix, Emacs, Sublime Text), over stdio unless told otherwise. It answers --help and
// --version itself and hands everything else, untouched, to the very server bundle VS Code runs
// (`server.js` beside this file), which reads its transport (--stdio, --node-ipc, --socket=N,
// --pipe=NAME) from the command line. No argument library: only these two flags are ours.
import { CLI_NAME, VERSION } from './version';

const SERVER_NAME = `${CLI_NAME}-language-server`;
const args = process.argv.slice(2);

if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(
    [
      `Usage: ${SERVER_NAME} [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]`,
      '',
      'The IceWarp Cluster Config language server (LSP) for path.cfg / path.dat files:',
      'diagnostics within a file and across the nodes of a cluster, quick fixes, hover,',
      'completion, symbols, semantic tokens and inlay hints. It talks over stdio by default.',
      '',
      'Options:',
      '  --stdio         talk LSP over stdin/stdout (the default)',
      '  --socket=PORT   connect to the client listening on 127.0.0.1:PORT and talk LSP there',
      '  --pipe=NAME     connect to the client listening on the Unix socket (Windows: named pipe) NAME',
      '  --node-ipc      talk LSP over the IPC channel of a Node parent process (how VS Code starts it)',
      '  -v, --version   print the version',
      '  -h, --help      print this help',
      '',
    ].join('\n'),
  );
} else if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  if (!args.some((arg) => /^--(stdio|node-ipc|socket|pipe)(=|$)/.test(arg))) process.argv.push('--stdio');
  // Left out of this bundle on purpose (esbuild.mjs): the server is its own bundle, shared with the extension.
  require('./server.js');
}
