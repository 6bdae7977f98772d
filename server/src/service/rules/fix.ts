// What a rule offers to fix what it found. A finding carries its fixes, built from the pieces
// the rule already holds (as vscode-eslint records a fix at validation time), so no fix has to
// find the problem again. Writing the edits waits until someone asks (the light bulb, fix-all):
// publishing diagnostics never pays for them.
import { Piece, TextEdit } from '../types';
import type { FixId } from './codes';

/** A fix as the editor shows it. */
export interface FixDraft {
  /** Shown in the light-bulb menu. Never holds a password; quotes values through mention.ts. */
  title: string;
  edits: TextEdit[];
}

export interface FixOffer<Id extends FixId = FixId> {
  /** Stable name of the kind of fix (e.g. `server-id-next-free`); declared by the code in codes.ts. */
  readonly id: Id;
  /** Safe without a human choice: offered as the preferred fix and applied by fix-all. */
  readonly isPreferred: boolean;
  /**
   * The pieces this fix changes, when it changes some of several the rule found (one trailing
   * edge, one repeated host). Offers of one id asked about together (a range over several
   * findings) become one fix over all their parts; offers without parts stay apart.
   */
  readonly parts: readonly Piece[];
  /** Title and edits for these parts (its own, or its fellows' too); undefined when there is nothing to do. */
  readonly write: (parts: readonly Piece[]) => FixDraft | undefined;
}

/** A fix of the whole finding. */
export function fixOffer<Id extends FixId>(id: Id, isPreferred: boolean, write: () => FixDraft | undefined): FixOffer<Id> {
  return { id, isPreferred, parts: [], write: () => write() };
}

/** A fix of some parts among several the rule found, which joins its fellows of the same id into one fix. */
export function partFixOffer<Id extends FixId>(id: Id, isPreferred: boolean, parts: readonly Piece[], write: (parts: readonly Piece[]) => FixDraft | undefined): FixOffer<Id> {
  return { id, isPreferred, parts, write };
}
