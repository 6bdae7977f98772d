// Every rule, registered once. A rule's code carries its default severity (codes.ts) and
// its quick fixes (../fixes.ts), so all three meet on the code.
import { Rule } from './rule';
import { serverIdDuplicate } from './serverIdDuplicate';
import { serverIdTooLong } from './serverIdTooLong';
import { whitespace } from './whitespace';

export const RULES: readonly Rule[] = [
  serverIdTooLong,
  serverIdDuplicate,
  whitespace,
];
