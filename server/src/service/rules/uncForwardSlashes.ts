import { fieldById } from '../fields';
import { allPaths } from '../parse';
import { replacePiece } from './edits';
import { partFixOffer } from './fix';
import { Finding, Rule } from './rule';
import { t } from '../l10n';

/** A Windows-style path (UNC or drive letter) written with `/`: `//fs01/share`, `D:/x`, `\\fs01/share`. */
export const uncForwardSlashes: Rule<'unc-forward-slashes'> = {
  code: 'unc-forward-slashes',
  scope: 'file',
  check({ node }) {
    const findings: Finding<'unc-forward-slashes'>[] = [];
    for (const { fieldId, path } of allPaths(node)) {
      if (!path.windows || !path.text.includes('/')) continue;
      const field = fieldById(fieldId);
      const what = path.style === 'unc' ? t('a UNC path') : path.style === 'drive' ? t('a drive path') : t('a Windows path');
      findings.push({
        range: path.range,
        message:
          path.style === 'unc'
            ? t('{0} (line {1}) is {2} written with "/"; Windows paths separate folders with "\\" and a UNC path starts with \\\\, and not every IceWarp component accepts "/".', field.title, field.line, what)
            : t('{0} (line {1}) is {2} written with "/"; Windows paths separate folders with "\\", and not every IceWarp component accepts "/".', field.title, field.line, what),
        fixes: [
          partFixOffer('unc-backslashes', true, [path], (paths) => ({
            title: t('Convert / to \\ in this Windows path'),
            edits: paths.map((each) => replacePiece(each, each.text.replace(/\//g, '\\'))),
          })),
        ],
      });
    }
    return findings;
  },
};
