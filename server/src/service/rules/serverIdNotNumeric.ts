import { Rule } from './rule';
import { quote } from '../mention';
import { nextFreeIdFix } from './serverIdFix';
import { t } from '../l10n';

/** A valid 1-2 character ID that is not all digits: IceWarp recommends numbers. */
export const serverIdNotNumeric: Rule<'server-id-not-numeric'> = {
  code: 'server-id-not-numeric',
  scope: 'file',
  check({ node, workspace }) {
    const { value, field } = node.field.serverId;
    // Only a valid ID: too long or invalid characters are reported by their own codes.
    if (!/^[A-Za-z0-9]{1,2}$/.test(value.text) || /^\d+$/.test(value.text)) return [];
    return [
      {
        range: value.range,
        message: t('{0} (line {1}) {2} is valid, but IceWarp recommends numbers ("maximum two characters, numbers are recommended").', field.title, field.line, quote(value.text)),
        fixes: [nextFreeIdFix(node, workspace, false, { numeric: true })],
      },
    ];
  },
};
