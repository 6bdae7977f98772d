import { t } from '../l10n';
import { NodeFile } from '../parse';
import { Piece, Range, TextEdit, comparePositions, lineRange } from '../types';
import { isIpAddress } from '../values/hosts';
import { IpBindingHalf } from '../values/ipBinding';
import { Finding, Rule } from './rule';
import { quote } from '../mention';
import { mergeDeletions, rangeBetween } from './edits';
import { FixOffer, partFixOffer } from './fix';

/**
 * Line 10 is `ips` or `ips|ips`: the server binding, then the outgoing binding, each a list of
 * IPv4/IPv6 addresses joined by `;`. One finding per bad entry (an empty one included, as a
 * stray `;`), and one for anything past a second `|`. A wholly empty half (`|10.0.0.1`) is
 * accepted: it leaves that binding unset, as an empty line does.
 */
export const ipBindingInvalid: Rule<'ip-binding-invalid'> = {
  code: 'ip-binding-invalid',
  scope: 'file',
  check({ node }) {
    const { field } = node.field.ipBinding;
    const findings: Finding<'ip-binding-invalid'>[] = [];
    const [server, outgoing, ...extra] = node.ipBinding.halves;
    for (const [half, isServer] of [
      [server, true],
      [outgoing, false],
    ] as const) {
      if (!half || half.text.trim().length === 0) continue;
      for (const entry of half.entries) {
        if (isIpAddress(entry.text)) continue;
        findings.push({
          range: entry.range,
          message:
            entry.text.length === 0
              ? isServer
                ? t('{0} (line {1}) has an empty entry in its server binding (a stray ";"); IceWarp expects IP addresses joined by ";".', field.title, field.line)
                : t('{0} (line {1}) has an empty entry in its outgoing binding (a stray ";"); IceWarp expects IP addresses joined by ";".', field.title, field.line)
              : isServer
                ? t('{0} (line {1}): {2} in the server binding is not an IPv4 or IPv6 address, so IceWarp cannot bind to it.', field.title, field.line, quote(entry.text))
                : t('{0} (line {1}): {2} in the outgoing binding is not an IPv4 or IPv6 address, so IceWarp cannot bind to it.', field.title, field.line, quote(entry.text)),
          fixes: [removeFix(node, [entry])],
        });
      }
    }
    if (extra.length > 0) {
      const first = extra[0];
      const last = extra[extra.length - 1];
      findings.push({
        range: lineRange(first.range.start.line, first.range.start.character, last.range.end.character),
        message: t('{0} (line {1}) has {2} parts separated by "|"; it holds at most two (server binding|outgoing binding), so IceWarp ignores or misreads the rest.', field.title, field.line, extra.length + 2),
        fixes: [removeFix(node, extra.flatMap((half) => half.entries))],
      });
    }
    return findings;
  },
};

/** Removes the entries a finding is about; findings asked about together remove all of theirs at once. */
function removeFix(node: NodeFile, entries: readonly Piece[]): FixOffer<'ip-binding-remove-bad'> {
  return partFixOffer('ip-binding-remove-bad', false, entries, (chosen) => {
    const edits = removeBindingEntries(node, new Set(chosen));
    const count = chosen.length;
    return { title: count === 1 ? t('Remove the invalid IP binding entry') : t('Remove the {0} invalid IP binding entries', count), edits };
  });
}

/**
 * The edits that remove `chosen` entries of line 10 and keep the rest well formed: each entry
 * goes with one `;`, and a half that loses every entry goes with its `|` (the one before it, or
 * the one after for the first half).
 */
export function removeBindingEntries(node: NodeFile, chosen: ReadonlySet<Piece>): TextEdit[] {
  const halves = node.ipBinding.halves;
  const ranges: Range[] = [];
  const halfGone: boolean[] = halves.map((half) => half.entries.every((entry) => chosen.has(entry)));
  halves.forEach((half, index) => {
    if (!halfGone[index]) ranges.push(...entryDeletions(half, chosen));
  });
  halves.forEach((half, index) => {
    if (!halfGone[index]) return;
    const previousKept = halves.slice(0, index).reverse().find((_, back) => !halfGone[index - 1 - back]);
    const nextKept = halves.slice(index + 1).find((_, forward) => !halfGone[index + 1 + forward]);
    if (previousKept) ranges.push(rangeBetween(previousKept, half, true, false));
    else if (nextKept) ranges.push(rangeBetween(half, nextKept, false, true));
    else ranges.push(node.field.ipBinding.value.range);
  });
  return mergeDeletions(ranges.sort((a, b) => comparePositions(a.start, b.start)));
}

/** Deletes chosen entries inside a half that keeps at least one entry, each with one `;`. */
function entryDeletions(half: IpBindingHalf, chosen: ReadonlySet<Piece>): Range[] {
  const entries = half.entries;
  const ranges: Range[] = [];
  let index = 0;
  while (index < entries.length) {
    if (!chosen.has(entries[index])) {
      index++;
      continue;
    }
    let last = index;
    while (last + 1 < entries.length && chosen.has(entries[last + 1])) last++;
    if (index > 0) ranges.push(rangeBetween(entries[index - 1], entries[last], true, false));
    else ranges.push(rangeBetween(entries[index], entries[last + 1], false, true));
    index = last + 1;
  }
  return ranges;
}
