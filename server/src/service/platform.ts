// Which platform a node file is written for, read from the style of its paths; and paths built
// the way that platform writes them (completion and quick fixes both need this).
import { FieldId, FieldSpec } from './fields';
import { NodeFile, allPaths } from './parse';
import { PathValue } from './values/path';

export type Platform = 'windows' | 'posix';

/**
 * The platform the file's paths say, ignoring the fields in `except` (the line being completed
 * or fixed must not vote for itself). Undefined when no other path decides it.
 */
export function platformOfPaths(node: NodeFile, except: readonly FieldId[] = []): Platform | undefined {
  let windows = 0;
  let posix = 0;
  for (const { fieldId, path } of allPaths(node)) {
    if (except.includes(fieldId)) continue;
    if (path.style === 'posix') posix++;
    else if (path.style !== 'relative' || path.windows) windows++;
  }
  if (windows === posix) return undefined;
  return windows > posix ? 'windows' : 'posix';
}

/** The platform to prefer when the paths do not say: CRLF files come from Windows. */
export function platformGuess(node: NodeFile, except: readonly FieldId[] = []): Platform {
  return platformOfPaths(node, except) ?? (node.ending === '\r\n' ? 'windows' : 'posix');
}

export function defaultFor(field: FieldSpec, platform: Platform): string | undefined {
  return field.defaults?.[platform];
}

/** `folder` + `name` + separator, written with the separator `folder` already uses. */
export function subfolder(folder: PathValue, name: string): string {
  const separator = folder.windows ? (folder.text.includes('\\') || !folder.text.includes('/') ? '\\' : '/') : '/';
  const base = /[\\/]$/.test(folder.text) ? folder.text : folder.text + separator;
  return `${base}${name}${separator}`;
}
