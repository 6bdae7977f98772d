import { t } from '../l10n';
import { fieldById } from '../fields';
import { allPaths } from '../parse';
import { PathValue } from '../values/path';
import { Finding, Rule } from './rule';
import { badRuns, describeCharacters, isControlCharacter } from './characterRuns';

const WINDOWS_FORBIDDEN = /^[<>"|?*:]$/;

/**
 * Characters a path cannot hold (Windows: `<>"|?*`, `:` past the drive, control characters;
 * POSIX: control characters, NUL above all), on every path line and each line-5 path; and a
 * relative path on a directory line. The server and share of a UNC path are left to
 * `unc-malformed`, so a character is reported once.
 */
export const pathInvalid: Rule<'path-invalid'> = {
  code: 'path-invalid',
  scope: 'file',
  check({ node }) {
    const findings: Finding<'path-invalid'>[] = [];
    for (const { fieldId, path } of allPaths(node)) {
      const field = fieldById(fieldId);
      const isBad = (character: string, offset: number) =>
        isControlCharacter(character) || (path.windows && WINDOWS_FORBIDDEN.test(character) && !(character === ':' && path.style === 'drive' && offset === 1));
      for (const run of badRuns(path, isBad, uncRootLength(path))) {
        const characters = describeCharacters(run.text);
        const message = !path.windows
          ? t('{0} (line {1}) holds {2}, which does not belong in a folder name; IceWarp cannot use this path.', field.title, field.line, characters)
          : run.text.includes(':')
            ? t('{0} (line {1}) holds {2} (":" only belongs right after the drive letter), which Windows does not allow in a folder name; IceWarp cannot use this path.', field.title, field.line, characters)
            : t('{0} (line {1}) holds {2}, which Windows does not allow in a folder name; IceWarp cannot use this path.', field.title, field.line, characters);
        findings.push({ range: run.range, message });
      }
      if (field.kind !== 'directory') continue;
      if (path.style === 'relative') {
        findings.push({
          range: path.range,
          message: t('{0} (line {1}) is a relative path; IceWarp needs a full folder path here (D:\\..., \\\\server\\share\\... or /...), or it resolves the folder against its own working directory.', field.title, field.line),
        });
      } else if (path.style === 'drive' && !/^[A-Za-z]:[\\/]/.test(path.text)) {
        findings.push({
          range: path.range,
          message: t('{0} (line {1}) is a drive-relative path (no "\\" after "{2}"); it depends on the current folder of that drive, so write the full path ({2}\\...).', field.title, field.line, path.text.slice(0, 2)),
        });
      }
    }
    return findings;
  },
};

/** How much of a UNC path `unc-malformed` owns: the prefix, server and share. */
function uncRootLength(path: PathValue): number {
  const unc = path.unc;
  if (path.style !== 'unc' || !unc) return 0;
  // A single-backslash path is only reported for its prefix; its names are checked here.
  if (unc.prefix.text.length < 2) return unc.prefix.text.length;
  const last = unc.share ?? unc.server ?? unc.prefix;
  return last.range.end.character - path.range.start.character;
}
