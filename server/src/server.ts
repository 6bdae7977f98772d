// The Node entry, bundled as dist/server.js: `node dist/server.js --stdio` (external tools) or
// `--node-ipc` (the VS Code client); createConnection reads the transport from the arguments.
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { createNodeServer } from './nodeHost';

const connection = createConnection(ProposedFeatures.all);
createNodeServer(connection);
connection.listen();
