// Imported first by the Node entry (./server.ts), before any other module of the bundle is
// evaluated: V8's young generation keeps its starting size (1 MB per semi-space) instead of
// growing to 16 MB when many objects survive, as they do while thousands of node files are
// indexed. A grown young generation stays committed for the life of the process: 30 MB of the
// resident memory of a server holding 10,000 nodes, and 1 MB of one just started; the price is a
// few more scavenges while indexing (docs/performance.md, figure (j)). The command line, which
// runs once and exits, keeps V8's default.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--semi-space-growth-factor=1');
