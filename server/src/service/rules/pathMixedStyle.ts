import { t } from '../l10n';
import { fieldById } from '../fields';
import { allPaths } from '../parse';
import { Rule } from './rule';

/**
 * A server is either Windows or Linux, so its rooted paths share one style. Relative paths
 * have no style of their own (path-invalid reports them). The minority style is flagged; on a
 * tie the style of the first path wins, so the later paths are the ones flagged.
 */
export const pathMixedStyle: Rule<'path-mixed-style'> = {
  code: 'path-mixed-style',
  scope: 'file',
  check({ node }) {
    const rooted = allPaths(node)
      .filter(({ path }) => path.style !== 'relative')
      .map((entry) => ({ ...entry, windows: entry.path.style !== 'posix' }));
    const windowsCount = rooted.filter((entry) => entry.windows).length;
    const posixCount = rooted.length - windowsCount;
    if (windowsCount === 0 || posixCount === 0) return [];
    const majorityWindows = windowsCount === posixCount ? rooted[0].windows : windowsCount > posixCount;
    const majority = majorityWindows ? 'Windows' : t('POSIX (Linux)');
    const minority = majorityWindows ? t('POSIX (Linux)') : 'Windows';
    const majorityCount = majorityWindows ? windowsCount : posixCount;
    return rooted
      .filter((entry) => entry.windows !== majorityWindows)
      .map(({ fieldId, path }) => {
        const field = fieldById(fieldId);
        return {
          range: path.range,
          message:
            majorityCount === 1
              ? t('{0} (line {1}) is a {2} path, but {3} other path of this file is {4}; a server runs on one platform, so one of them is wrong.', field.title, field.line, minority, majorityCount, majority)
              : t('{0} (line {1}) is a {2} path, but {3} other paths of this file are {4}; a server runs on one platform, so one of them is wrong.', field.title, field.line, minority, majorityCount, majority),
        };
      });
  },
};
