import { FIELDS } from '../fields';
import { Finding, Rule } from './rule';
import { t } from '../l10n';

const DEPRECATED_FIELDS = FIELDS.filter((field) => field.deprecated);

/** Lines 6 and 7 (AntiSpam, GroupWare paths): newer IceWarp notes deprecate them in favour of local paths. */
export const deprecatedField: Rule<'deprecated-field'> = {
  code: 'deprecated-field',
  scope: 'file',
  check({ node }) {
    const findings: Finding<'deprecated-field'>[] = [];
    for (const field of DEPRECATED_FIELDS) {
      const { value } = node.field[field.id];
      if (value.text.length === 0) continue;
      findings.push({
        range: value.range,
        message: t('{0} (line {1}) is deprecated: newer IceWarp versions keep this folder local rather than set it here.', field.title, field.line),
        tags: ['deprecated'],
      });
    }
    return findings;
  },
};
