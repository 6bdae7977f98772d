import { fieldById } from '../fields';
import { allPaths } from '../parse';
import { replacePiece } from './edits';
import { partFixOffer } from './fix';
import { Finding, Rule } from './rule';

/** A Windows-style path (UNC or drive letter) written with `/`: `//fs01/share`, `D:/x`, `\\fs01/share`. */
export const uncForwardSlashes: Rule<'unc-forward-slashes'> = {
  code: 'unc-forward-slashes',
  scope: 'file',
  check({ node }) {
    const findings: Finding<'unc-forward-slashes'>[] = [];
    for (const { fieldId, path } of allPaths(node)) {
      if (!path.windows || !path.text.includes('/')) continue;
      const field = fieldById(fieldId);
      const what = path.style === 'unc' ? 'UNC path' : path.style === 'drive' ? 'drive path' : 'Windows path';
      findings.push({
        range: path.range,
        message: `${field.title} (line ${field.line}) is a ${what} written with "/"; Windows paths separate folders with "\\"${path.style === 'unc' ? ' and a UNC path starts with \\\\' : ''}, and not every IceWarp component accepts "/".`,
        fixes: [
          partFixOffer('unc-backslashes', true, [path], (paths) => ({
            title: 'Convert / to \\ in this Windows path',
            edits: paths.map((each) => replacePiece(each, each.text.replace(/\//g, '\\'))),
          })),
        ],
      });
    }
    return findings;
  },
};
