// Words for what a line holds, shared by hover, outline, inlay hints and completion. Every text
// comes from the field table; line 5's passwords are replaced by a mask here and nowhere else.
import { t } from './l10n';
import { FIELD_COUNT, FieldSpec } from './fields';
import { FieldLine, NodeFile } from './parse';
import { Piece } from './types';
import { isIpAddress } from './values/hosts';
import { PathValue } from './values/path';
import { trimSpacesAndTabs } from './values/pieces';
import { RemoteLogonEntry, shownUserOf } from './values/remoteLogon';
import { MAX_LISTED, code, codeList } from './bounds';
import { roleOf } from './role';
import { judgeFolder } from './folders';
import { Platform, platformGuess, platformOfPaths } from './platform';

/** Shown wherever a password would be. */
export const PASSWORD_MASK = '••••';

/** The pieces of line 5 never shown: every password, and every entry not in the form `UNC path;user;password`, whole. */
export function secretPieces(node: NodeFile): Piece[] {
  return node.remoteLogon.flatMap((entry) => (entry.masked ? [entry.masked] : []));
}

/** Line 5 as it may be shown: every password masked, everything else as written. */
export function redactedRemoteLogon(node: NodeFile): string {
  const line = node.field.remoteLogon;
  let text = line.raw.text;
  // Replace from the right so earlier ranges stay valid.
  const passwords = secretPieces(node).sort((a, b) => b.range.start.character - a.range.start.character);
  for (const password of passwords) {
    const start = password.range.start.character - line.raw.range.start.character;
    const end = password.range.end.character - line.raw.range.start.character;
    text = text.slice(0, start) + PASSWORD_MASK + text.slice(end);
  }
  return text;
}

/** The value of a field as it may be shown (trimmed; passwords masked). */
export function displayValue(node: NodeFile, line: FieldLine): string {
  if (line.field.id === 'remoteLogon') return trimSpacesAndTabs(redactedRemoteLogon(node));
  return line.value.text;
}

/** Text that Markdown shows as written (a UNC path's backslashes included). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, '\\$&');
}

export function describePath(path: PathValue): string {
  switch (path.style) {
    case 'unc': {
      const server = path.unc?.server?.text;
      const share = path.unc?.share?.text;
      if (server && share) return `a UNC path: server ${code(server)}, share ${code(share)}`;
      if (server) return `a UNC path on server ${code(server)}, without a share`;
      return 'a UNC path without a server or share';
    }
    case 'drive':
      return `a local path on drive ${code(path.text.slice(0, 2).toUpperCase())}`;
    case 'posix':
      return 'a POSIX (Linux) path';
    default:
      return 'a relative path';
  }
}

function describeHost(text: string): string {
  return isIpAddress(text) ? 'an IP address' : 'a host name';
}

function describeEntry(entry: RemoteLogonEntry): string {
  if (!entry.wellFormed) return `${entry.masked ? code(PASSWORD_MASK) : 'empty'} — not in the form \`UNC path;user;password\`, so it is shown masked (it may hold a password)`;
  const where = entry.path ? `${code(entry.path.text)} (${describePath(entry.path)})` : 'no share';
  const shown = shownUserOf(entry);
  const user = shown ? `as user ${code(shown)}` : 'without a user';
  const password = entry.password && entry.password.text.length > 0 ? `password ${code(PASSWORD_MASK)}` : 'no password';
  const shape = entry.partCount === 3 ? '' : ' — not in the form `UNC path;user;password`';
  return `${where} ${user}, ${password}${shape}`;
}

/** What the line's current value means, as Markdown lines (first line leads with the value). */
export function valueMeaning(node: NodeFile, line: FieldLine): string[] {
  const field = line.field;
  const value = line.value.text;
  if (value.length === 0) return [emptyMeaning(field, line.raw.text.length > 0, platformOfPaths(node, [field.id]))];
  const shown = code(displayValue(node, line));
  switch (field.kind) {
    case 'directory': {
      const path = node.paths.get(field.id);
      const judged = judgeFolder(node, field.id);
      const lines = [`${shown}: ${path ? describePath(path) : 'a path'}.`];
      if (judged) lines.push(judged.location === 'shared' ? t('Shared: it {0}.', escapeMarkdown(judged.reason)) : t('Local: it {0}.', escapeMarkdown(judged.reason)));
      // The example follows the platform this path is written for.
      const platform: Platform = path?.style === 'posix' ? 'posix' : path?.windows ? 'windows' : platformGuess(node, [field.id]);
      const example = field.defaults?.[platform];
      if (example) lines.push(`IceWarp's default on ${PLATFORM_NAME[platform]}: ${code(example)}.`);
      return lines;
    }
    case 'reserved':
      return [`${shown}: line 3 is reserved; every known file leaves it empty.`];
    case 'serverId':
      return [`${shown}: every message file this server writes starts with ${code(value)}.`];
    case 'remoteLogon': {
      const entries = node.remoteLogon;
      return [`${entries.length === 1 ? 'One entry' : `${entries.length} entries`}:`, ...entries.slice(0, MAX_LISTED).map((entry) => `- ${describeEntry(entry)}`), ...(entries.length > MAX_LISTED ? [`- … and ${entries.length - MAX_LISTED} more`] : [])];
    }
    case 'ipBinding': {
      const [server, outgoing, ...extra] = node.ipBinding.halves;
      const list = (half: typeof server) => codeList(half.entries.map((entry) => entry.text)) || '(none)';
      const lines = [`Server binding: ${list(server)}.`];
      lines.push(outgoing ? `Outgoing binding: ${list(outgoing)}.` : 'No `|`: no separate outgoing binding.');
      if (extra.length > 0) lines.push(`${extra.length} more \`|\` part${extra.length === 1 ? '' : 's'}, which IceWarp does not expect.`);
      return lines;
    }
    case 'hostname': {
      const lines = [`${shown}: this server's own name (${describeHost(value)}).`];
      const named = roleOf(node).named;
      if (named) lines.push(named.as === 'master' ? 'It is the master host named on line 15.' : 'It is listed as a slave on line 16.');
      return lines;
    }
    case 'file':
      return [`${shown}: the license file.`];
    case 'slaveFlag': {
      const known = field.values?.find((entry) => entry.value === value);
      return [known ? `${shown}: ${known.meaning}.` : `${shown}: not a value IceWarp knows; it expects \`0\` (master) or \`1\` (slave).`];
    }
    case 'host': {
      const hosts = node.masterHosts.hosts;
      if (hosts.length !== 1) return [`${hosts.length} hosts: ${codeList(hosts.map((host) => host.text))}; the master host is exactly one.`];
      const self = roleOf(node).named?.as === 'master' ? ' That is this server itself (line 11).' : '';
      return [`${shown}: the master is ${describeHost(value)}.${self}`];
    }
    case 'hostList': {
      const hosts = node.slaveHosts.hosts;
      return [`${hosts.length} slave host${hosts.length === 1 ? '' : 's'}: ${codeList(hosts.map((host) => host.text))}.`];
    }
    case 'url':
      return [`${shown}: the public address of this node's TeamChat API.`];
  }
}

/** What an empty line means; a default is given for the file's platform when its other paths tell it, else for both. */
function emptyMeaning(field: FieldSpec, onlyWhitespace: boolean, platform: Platform | undefined): string {
  const what = onlyWhitespace ? 'empty (only whitespace)' : 'empty';
  if (field.emptyMeaning) return `${what}: ${field.emptyMeaning}.`;
  const defaults = field.defaults;
  const shown = !defaults
    ? ''
    : platform
      ? ` (${code(defaults[platform])} on ${PLATFORM_NAME[platform]})`
      : ` (${code(defaults.windows)} on Windows, ${code(defaults.posix)} on Linux)`;
  return `${what}: IceWarp uses its default${shown}.`;
}

const PLATFORM_NAME: Record<Platform, string> = { windows: 'Windows', posix: 'Linux' };

export const UNREAD_LINE_TEXT = `IceWarp does not read lines after ${FIELD_COUNT}.`;
