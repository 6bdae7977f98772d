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
    const majority = majorityWindows ? 'Windows' : 'POSIX (Linux)';
    const minority = majorityWindows ? 'POSIX (Linux)' : 'Windows';
    const majorityCount = majorityWindows ? windowsCount : posixCount;
    return rooted
      .filter((entry) => entry.windows !== majorityWindows)
      .map(({ fieldId, path }) => {
        const field = fieldById(fieldId);
        return {
          range: path.range,
          message: `${field.title} (line ${field.line}) is a ${minority} path, but ${majorityCount} other path${majorityCount === 1 ? ' of this file is' : 's of this file are'} ${majority}; a server runs on one platform, so one of them is wrong.`,
        };
      });
  },
};
