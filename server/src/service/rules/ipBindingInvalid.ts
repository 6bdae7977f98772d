import { lineRange } from '../types';
import { isIpAddress } from '../values/hosts';
import { Finding, Rule } from './rule';
import { quote } from '../mention';

/**
 * Line 10 is `ips` or `ips|ips`: the server binding, then the outgoing binding, each a list of
 * IPv4/IPv6 addresses joined by `;`. One finding per bad entry (an empty one included, as a
 * stray `;`), and one for anything past a second `|`. A wholly empty half (`|10.0.0.1`) is
 * accepted: it leaves that binding unset, as an empty line does.
 */
export const ipBindingInvalid: Rule = {
  code: 'ip-binding-invalid',
  scope: 'file',
  check({ node }) {
    const { field } = node.field.ipBinding;
    const where = `${field.title} (line ${field.line})`;
    const findings: Finding[] = [];
    const [server, outgoing, ...extra] = node.ipBinding.halves;
    for (const [half, name] of [
      [server, 'server binding'],
      [outgoing, 'outgoing binding'],
    ] as const) {
      if (!half || half.text.trim().length === 0) continue;
      for (const entry of half.entries) {
        if (isIpAddress(entry.text)) continue;
        findings.push({
          range: entry.range,
          message:
            entry.text.length === 0
              ? `${where} has an empty entry in its ${name} (a stray ";"); IceWarp expects IP addresses joined by ";".`
              : `${where}: ${quote(entry.text)} in the ${name} is not an IPv4 or IPv6 address, so IceWarp cannot bind to it.`,
        });
      }
    }
    if (extra.length > 0) {
      const first = extra[0];
      const last = extra[extra.length - 1];
      findings.push({
        range: lineRange(first.range.start.line, first.range.start.character, last.range.end.character),
        message: `${where} has ${extra.length + 2} parts separated by "|"; it holds at most two (server binding|outgoing binding), so IceWarp ignores or misreads the rest.`,
      });
    }
    return findings;
  },
};
