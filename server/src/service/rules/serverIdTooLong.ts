import { lineRange } from '../types';
import { setValue } from './edits';
import { FixOffer, fixOffer } from './fix';
import { Rule } from './rule';
import { quote } from '../mention';
import { nextFreeIdFix } from './serverIdFix';
import { t } from '../l10n';

/**
 * Line 4 holds at most two characters, counted as Unicode code points ("A𝔘" is two, though
 * JavaScript's length says three; whether IceWarp counts so is not verified); the range starts at
 * the third, never inside a surrogate pair.
 */
export const serverIdTooLong: Rule<'server-id-too-long'> = {
  code: 'server-id-too-long',
  scope: 'file',
  check({ node, workspace }) {
    const { value } = node.field.serverId;
    const { count, firstTwo } = codePoints(value.text);
    if (count <= 2) return [];
    const start = value.range.start.character + firstTwo;
    const kept = value.text.slice(0, firstTwo);
    const fixes: FixOffer<'server-id-keep-first-two' | 'server-id-next-free'>[] = [];
    if (/^[A-Za-z0-9]{2}$/.test(kept)) {
      fixes.push(fixOffer('server-id-keep-first-two', false, () => ({ title: t('Keep the first two characters: {0}', kept), edits: setValue(node, node.field.serverId, kept) })));
    }
    fixes.push(nextFreeIdFix(node, workspace, false));
    return [
      {
        range: lineRange(value.range.start.line, start, value.range.end.character),
        message: t('Server ID {0} has {1} characters; IceWarp allows at most 2.', quote(value.text), count),
        fixes,
      },
    ];
  },
};

/** How many code points `text` has (a lone surrogate is one), and how many UTF-16 units its first two take. */
function codePoints(text: string): { count: number; firstTwo: number } {
  let count = 0;
  let firstTwo = 0;
  for (let index = 0; index < text.length; count++) {
    const unit = text.charCodeAt(index);
    const isPair = unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00;
    index += isPair ? 2 : 1;
    if (count < 2) firstTwo = index;
  }
  return { count, firstTwo };
}
