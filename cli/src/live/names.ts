// What may reach `ssh` and `sftp`: host names come from node files (lines 15 and 16), which
// anyone who can write a node file controls, and remote paths from the command line, a setting
// or the record. A host is passed only when it is a DNS name or an IP address (so never an
// option such as `-oProxyCommand=...`, never a space, quote or `;`), and always after `--`. A
// remote path is passed inside an sftp batch command, quoted for sftp's own parser (no remote
// shell is involved): it may hold spaces, but no line break (a new batch command, and `!` runs a
// local shell), no `"` or `\` (the quote and its escape), and may not start with `-` (an option
// of get/put).
import { hostKey, hostProblem, isIPv6Address } from '../../../server/src/service';

export { DEFAULT_REMOTE_PATH } from '../../../common/liveCluster';

/** A request that cannot start (a bad host or path, a broken record, no ssh): exit code 2, one line. */
export class LiveUsageError extends Error {}

export type HostCheck = { ok: true; key: string; target: string } | { ok: false; reason: string };

/** A host name from the command line or a node file: its folder key and what ssh is given, or why not. */
export function checkHost(text: string): HostCheck {
  const problem = hostProblem(text);
  if (problem !== undefined) return { ok: false, reason: problem };
  const key = hostKey(text);
  // The lower-cased name without its trailing dot: what a `Host` line of an ssh config matches.
  return { ok: true, key, target: key };
}

/** sftp's destination: an IPv6 address in brackets, since a bare `:` separates host and path there. */
export function sftpDestination(target: string): string {
  return isIPv6Address(target) ? `[${target}]` : target;
}

/** A printable rendering of a value from a file, for messages: control characters escaped. */
export function shown(value: string): string {
  return JSON.stringify(value);
}

/**
 * `C:\Program Files\IceWarp\path.dat` as SFTP reads it on a Windows OpenSSH server
 * (`C:/Program Files/IceWarp/path.dat`): SFTP paths use `/`, and `\` is sftp's escape character.
 */
export function normalizeRemotePath(text: string): string {
  return /^[A-Za-z]:\\/.test(text) ? text.replace(/\\/g, '/') : text;
}

/** Why a remote path cannot be passed to sftp safely, or undefined. */
export function remotePathProblem(text: string): string | undefined {
  if (text.length === 0) return 'it is empty';
  if (text.length > 1024) return 'it is longer than 1024 characters';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) return 'it holds a control character (a line break would start another sftp command)';
  if (text.includes('"')) return 'it holds a double quote';
  if (text.includes('\\')) return 'it holds a backslash (write Windows paths with /, e.g. C:/Program Files/IceWarp/path.dat)';
  if (text.startsWith('-')) return 'it starts with "-" (write ./-name for such a relative path)';
  if (text.endsWith('/')) return 'it names a folder; name the file (…/path.dat)';
  return undefined;
}

/** A path as one argument of an sftp batch command (checked by remotePathProblem first). */
export function sftpQuote(text: string): string {
  const problem = remotePathProblem(text);
  if (problem !== undefined) throw new Error(`refusing to pass ${shown(text)} to sftp: ${problem}`);
  return `"${text}"`;
}

/** The last part of a remote path (the local file keeps this name: path.cfg stays path.cfg). */
export function remoteBaseName(remotePath: string): string {
  const parts = remotePath.split('/');
  return parts[parts.length - 1];
}

/** The folder part of a remote path, '' for a bare name (the home folder). */
export function remoteDirName(remotePath: string): string {
  const slash = remotePath.lastIndexOf('/');
  if (slash < 0) return '';
  return slash === 0 ? '/' : remotePath.slice(0, slash);
}

export function joinRemote(dir: string, name: string): string {
  if (dir === '') return name;
  return dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
}

/** A file name the local folder may hold: one part, no separators, not `.` or `..`. */
export function localFileNameProblem(name: string): string | undefined {
  if (name === '' || name === '.' || name === '..') return 'it is not a file name';
  if (/[\\/:*?"<>|]/.test(name)) return 'it holds a character a file name cannot have on every system';
  return undefined;
}
