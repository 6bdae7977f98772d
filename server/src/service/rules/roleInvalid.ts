import { fieldAtLine } from '../fields';
import { NodeFile } from '../parse';
import { quote } from '../mention';
import { setValue } from './edits';
import { FixOffer, fixOffer } from './fix';
import { Rule } from './rule';
import { t } from '../l10n';

/** Line 14 is a flag: IceWarp knows `1` (slave) and `0` or empty (master), nothing else. */
export const roleInvalid: Rule<'role-invalid'> = {
  code: 'role-invalid',
  scope: 'file',
  check({ node }) {
    const { value, field } = node.field.slaveFlag;
    if (value.text === '' || value.text === '0' || value.text === '1') return [];
    // Words whose intent is unmistakable get a preferred fix; anything else is the user's call.
    const meansSlave = /^(true|yes|on|slave)$/i.test(value.text);
    const meansMaster = /^(false|no|off|master)$/i.test(value.text);
    return [
      {
        range: value.range,
        message: t("{0} (line {1}) is {2}; IceWarp reads only 1 (this server is a slave) or 0 / empty (this server is the master), so this server's role is undefined.", field.title, field.line, quote(value.text)),
        fixes: [slaveFlagFix(node, '0', meansMaster), slaveFlagFix(node, '1', meansSlave)],
      },
    ];
  },
};

/** Writes `0` or `1` on line 14 (role-invalid and role-mismatch both offer it). */
export function slaveFlagFix<F extends '0' | '1'>(node: NodeFile, flag: F, isPreferred: boolean, title?: string): FixOffer<`slave-flag-${F}`> {
  const meaning = fieldAtLine(14)?.values?.find((entry) => entry.value === flag)?.meaning ?? '';
  return fixOffer(`slave-flag-${flag}`, isPreferred, () => ({
    title: title ?? t('Set the slave flag to {0}: {1}', flag, meaning),
    edits: setValue(node, node.field.slaveFlag, flag),
  }));
}
