import { Rule } from './rule';
import { quote } from '../mention';

/** Line 14 is a flag: IceWarp knows `1` (slave) and `0` or empty (master), nothing else. */
export const roleInvalid: Rule = {
  code: 'role-invalid',
  scope: 'file',
  check({ node }) {
    const { value, field } = node.field.slaveFlag;
    if (value.text === '' || value.text === '0' || value.text === '1') return [];
    return [
      {
        range: value.range,
        message: `${field.title} (line ${field.line}) is ${quote(value.text)}; IceWarp reads only 1 (this server is a slave) or 0 / empty (this server is the master), so this server's role is undefined.`,
      },
    ];
  },
};
