import { Rule } from './rule';
import { badRuns, describeCharacters } from './characterRuns';
import { nextFreeIdFix } from './serverIdFix';
import { t } from '../l10n';

const ALLOWED = /^[A-Za-z0-9]$/;

/** The Server ID prefixes message file names, so it holds ASCII letters and digits only; one finding per bad run. */
export const serverIdInvalidChar: Rule<'server-id-invalid-char'> = {
  code: 'server-id-invalid-char',
  scope: 'file',
  check({ node, workspace }) {
    const { value, field } = node.field.serverId;
    const runs = badRuns(value, (character) => !ALLOWED.test(character));
    if (runs.length === 0) return [];
    const nextFree = nextFreeIdFix(node, workspace, false);
    return runs.map((run) => ({
      range: run.range,
      message: t('{0} (line {1}) holds {2}; it prefixes every message file this server writes, so it may hold only ASCII letters and digits.', field.title, field.line, describeCharacters(run.text)),
      fixes: [nextFree],
    }));
  },
};
