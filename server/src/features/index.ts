// Every LSP feature beyond diagnostics. Add a feature here, and a row in ../core/lspMethods.ts for
// each LSP method it handles or sends that has none yet; the rest of the core needs no change.
import { Feature } from './feature';
import { cluster } from './cluster';
import { codeActions } from './codeActions';
import { completion } from './completion';
import { hover } from './hover';
import { inlayHints } from './inlayHints';
import { semanticTokens } from './semanticTokens';
import { serverStatus } from './serverStatus';
import { symbols } from './symbols';
import { navigation } from './navigation';
import { rename } from './rename';
import { clusterCommandHandlers } from './clusterCommandHandlers';

export const FEATURES: readonly Feature[] = [
  cluster,
  codeActions,
  hover,
  inlayHints,
  symbols,
  completion,
  semanticTokens,
  serverStatus,
  navigation,
  rename,
  clusterCommandHandlers,
];
