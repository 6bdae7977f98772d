import { Rule } from './rule';
import { badRuns, describeCharacters } from './characterRuns';

const ALLOWED = /^[A-Za-z0-9]$/;

/** The Server ID prefixes message file names, so it holds ASCII letters and digits only; one finding per bad run. */
export const serverIdInvalidChar: Rule = {
  code: 'server-id-invalid-char',
  scope: 'file',
  check({ node }) {
    const { value, field } = node.field.serverId;
    return badRuns(value, (character) => !ALLOWED.test(character)).map((run) => ({
      range: run.range,
      message: `${field.title} (line ${field.line}) holds ${describeCharacters(run.text)}; it prefixes every message file this server writes, so it may hold only ASCII letters and digits.`,
    }));
  },
};
