// The Node entry, bundled as dist/server.js: `node dist/server.js --stdio` (external tools),
// `--node-ipc` (the VS Code client), `--socket=PORT` or `--pipe=NAME`.
//
// Over a stream (stdio, a socket, a pipe) messages are framed by a Content-Length header, and a
// framing error (the header missing, not a number, larger or smaller than the body) leaves no
// delimiter to find the next message by: the library reports it and reads on, answering nothing,
// so the client would wait forever and never restart the server. Here such an error writes one
// line to stderr and ends the process with 1, which the client sees as a crash.
// First: V8's heap limits hold from the first allocation of the bundle's modules on.
import './heapLimits';
import { format } from 'node:util';
import {
  type Connection,
  type MessageReader,
  type MessageWriter,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  createConnection,
  createServerPipeTransport,
  createServerSocketTransport,
} from 'vscode-languageserver/node';
import { createNodeServer } from './nodeHost';

interface StreamTransport {
  reader: MessageReader;
  writer: MessageWriter;
  /** stdout carries the protocol: nothing else may be written there. */
  stdio: boolean;
}

/** The stream transport the arguments ask for, read as the library reads them; undefined for --node-ipc (messages, not bytes) or none. */
function streamTransport(args: readonly string[]): StreamTransport | undefined {
  for (let index = 0; index < args.length; index++) {
    const [flag, value = args[index + 1]] = args[index].split('=', 2);
    if (flag === '--node-ipc') return undefined;
    if (flag === '--stdio') return { reader: new StreamMessageReader(process.stdin), writer: new StreamMessageWriter(process.stdout), stdio: true };
    if (flag === '--socket') {
      const [reader, writer] = createServerSocketTransport(Number.parseInt(value ?? '', 10));
      return { reader, writer, stdio: false };
    }
    if (flag === '--pipe') {
      const [reader, writer] = createServerPipeTransport(value ?? '');
      return { reader, writer, stdio: false };
    }
  }
  return undefined;
}

/** One line on stderr, then exit 1: the client restarts a server that ended. */
function framingLost(error: unknown): never {
  const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 200);
  process.stderr.write(`IceWarp language server: unreadable message (${reason}); the message framing is lost, exiting.\n`);
  process.exit(1);
}

/** As the library does for stdio: console output goes to the client's log, never into the protocol's stdout. */
function consoleToLog(connection: Connection): void {
  console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
}

const transport = streamTransport(process.argv.slice(2));
const connection = transport ? createConnection(ProposedFeatures.all, transport.reader, transport.writer) : createConnection(ProposedFeatures.all);
if (transport) {
  transport.reader.onError(framingLost);
  if (transport.stdio) {
    consoleToLog(connection);
    // As the library does for stdio: the client closing stdin ends the server (after `exit`, it has ended already).
    process.stdin.on('end', () => process.exit(1));
    process.stdin.on('close', () => process.exit(1));
  }
}
createNodeServer(connection);
connection.listen();
