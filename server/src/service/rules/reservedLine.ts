import { deleteRange } from './edits';
import { fixOffer } from './fix';
import { Rule } from './rule';
import { t } from '../l10n';

/** Line 3 is reserved: empty in every known file, so a value there is most likely a line out of place. */
export const reservedLine: Rule<'reserved-line'> = {
  code: 'reserved-line',
  scope: 'file',
  check({ node }) {
    const { value, raw } = node.field.reserved;
    // Only whitespace is the whitespace rule's business.
    if (value.text.length === 0) return [];
    return [
      {
        range: value.range,
        message: t('Line 3 is reserved and empty in every known file; a value here is most likely a line out of place, which shifts every later field.'),
        // Not preferred: the value may be a line that belongs further down.
        fixes: [fixOffer('reserved-clear', false, () => ({ title: t('Clear the reserved line 3'), edits: [deleteRange(raw.range)] }))],
      },
    ];
  },
};
