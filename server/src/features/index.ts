// Every LSP feature beyond diagnostics. Add a feature here; server.ts needs no change.
import { Feature } from './feature';

export const FEATURES: readonly Feature[] = [];
