import { lineRange } from '../types';
import { setValue } from './edits';
import { FixOffer, fixOffer } from './fix';
import { Rule } from './rule';
import { quote } from '../mention';
import { nextFreeIdFix } from './serverIdFix';
import { t } from '../l10n';

/** Line 4 holds at most two characters; the range starts at the third. */
export const serverIdTooLong: Rule<'server-id-too-long'> = {
  code: 'server-id-too-long',
  scope: 'file',
  check({ node, workspace }) {
    const { value } = node.field.serverId;
    if (value.text.length <= 2) return [];
    const start = value.range.start.character + 2;
    const kept = value.text.slice(0, 2);
    const fixes: FixOffer<'server-id-keep-first-two' | 'server-id-next-free'>[] = [];
    if (/^[A-Za-z0-9]{2}$/.test(kept)) {
      fixes.push(fixOffer('server-id-keep-first-two', false, () => ({ title: t('Keep the first two characters: {0}', kept), edits: setValue(node, node.field.serverId, kept) })));
    }
    fixes.push(nextFreeIdFix(node, workspace, false));
    return [
      {
        range: lineRange(value.range.start.line, start, value.range.end.character),
        message: t('Server ID {0} has {1} characters; IceWarp allows at most 2.', quote(value.text), value.text.length),
        fixes,
      },
    ];
  },
};
