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
      if (server && share) return t('a UNC path: server {0}, share {1}', code(server), code(share));
      if (server) return t('a UNC path on server {0}, without a share', code(server));
      return t('a UNC path without a server or share');
    }
    case 'drive':
      return t('a local path on drive {0}', code(path.text.slice(0, 2).toUpperCase()));
    case 'posix':
      return t('a POSIX (Linux) path');
    default:
      return t('a relative path');
  }
}

function describeHost(text: string): string {
  return isIpAddress(text) ? t('an IP address') : t('a host name');
}

function describeEntry(entry: RemoteLogonEntry): string {
  if (!entry.wellFormed) return t('{0} — not in the form `UNC path;user;password`, so it is shown masked (it may hold a password)', entry.masked ? code(PASSWORD_MASK) : t('empty'));
  const where = entry.path ? `${code(entry.path.text)} (${describePath(entry.path)})` : t('no share');
  const shown = shownUserOf(entry);
  const user = shown ? t('as user {0}', code(shown)) : t('without a user');
  const password = entry.password && entry.password.text.length > 0 ? t('password {0}', code(PASSWORD_MASK)) : t('no password');
  return entry.partCount === 3 ? t('{0} {1}, {2}', where, user, password) : t('{0} {1}, {2} — not in the form `UNC path;user;password`', where, user, password);
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
      const lines = [`${shown}: ${path ? describePath(path) : t('a path')}.`];
      if (judged) lines.push(judged.location === 'shared' ? t('Shared: it {0}.', escapeMarkdown(judged.reason)) : t('Local: it {0}.', escapeMarkdown(judged.reason)));
      // The example follows the platform this path is written for.
      const platform: Platform = path?.style === 'posix' ? 'posix' : path?.windows ? 'windows' : platformGuess(node, [field.id]);
      const example = field.defaults?.[platform];
      if (example) lines.push(t("IceWarp's default on {0}: {1}.", PLATFORM_NAME[platform], code(example)));
      return lines;
    }
    case 'reserved':
      return [t('{0}: line 3 is reserved; every known file leaves it empty.', shown)];
    case 'serverId':
      return [t('{0}: every message file this server writes starts with {1}.', shown, code(value))];
    case 'remoteLogon': {
      const entries = node.remoteLogon;
      return [
        entries.length === 1 ? t('One entry:') : t('{0} entries:', entries.length),
        ...entries.slice(0, MAX_LISTED).map((entry) => `- ${describeEntry(entry)}`),
        ...(entries.length > MAX_LISTED ? [`- ${t('… and {0} more', entries.length - MAX_LISTED)}`] : []),
      ];
    }
    case 'ipBinding': {
      const [server, outgoing, ...extra] = node.ipBinding.halves;
      const list = (half: typeof server) => codeList(half.entries.map((entry) => entry.text)) || t('(none)');
      const lines = [t('Server binding: {0}.', list(server))];
      lines.push(outgoing ? t('Outgoing binding: {0}.', list(outgoing)) : t('No `|`: no separate outgoing binding.'));
      if (extra.length > 0) lines.push(extra.length === 1 ? t('{0} more `|` part, which IceWarp does not expect.', 1) : t('{0} more `|` parts, which IceWarp does not expect.', extra.length));
      return lines;
    }
    case 'hostname': {
      const lines = [t("{0}: this server's own name ({1}).", shown, describeHost(value))];
      const named = roleOf(node).named;
      if (named) lines.push(named.as === 'master' ? t('It is the master host named on line 15.') : t('It is listed as a slave on line 16.'));
      return lines;
    }
    case 'file':
      return [t('{0}: the license file.', shown)];
    case 'slaveFlag': {
      const known = field.values?.find((entry) => entry.value === value);
      return [known ? `${shown}: ${known.meaning}.` : t('{0}: not a value IceWarp knows; it expects `0` (master) or `1` (slave).', shown)];
    }
    case 'host': {
      const hosts = node.masterHosts.hosts;
      if (hosts.length !== 1) return [t('{0} hosts: {1}; the master host is exactly one.', hosts.length, codeList(hosts.map((host) => host.text)))];
      return [roleOf(node).named?.as === 'master' ? t('{0}: the master is {1}. That is this server itself (line 11).', shown, describeHost(value)) : t('{0}: the master is {1}.', shown, describeHost(value))];
    }
    case 'hostList': {
      const hosts = node.slaveHosts.hosts;
      const listed = codeList(hosts.map((host) => host.text));
      return [hosts.length === 1 ? t('{0} slave host: {1}.', 1, listed) : t('{0} slave hosts: {1}.', hosts.length, listed)];
    }
    case 'url':
      return [t("{0}: the public address of this node's TeamChat API.", shown)];
  }
}

/** What an empty line means; a default is given for the file's platform when its other paths tell it, else for both. */
function emptyMeaning(field: FieldSpec, onlyWhitespace: boolean, platform: Platform | undefined): string {
  const what = onlyWhitespace ? t('empty (only whitespace)') : t('empty');
  if (field.emptyMeaning) return `${what}: ${field.emptyMeaning}.`;
  const defaults = field.defaults;
  if (!defaults) return t('{0}: IceWarp uses its default.', what);
  if (platform) return t('{0}: IceWarp uses its default ({1} on {2}).', what, code(defaults[platform]), PLATFORM_NAME[platform]);
  return t('{0}: IceWarp uses its default ({1} on Windows, {2} on Linux).', what, code(defaults.windows), code(defaults.posix));
}

const PLATFORM_NAME: Record<Platform, string> = { windows: 'Windows', posix: 'Linux' };

/** Said of every line after 17, in the current language. */
export function unreadLineText(): string {
  return t('IceWarp does not read lines after {0}.', FIELD_COUNT);
}
