import { t } from '../l10n';
import { Piece } from '../types';
import { splitPiece, trimPiece } from './pieces';

export interface HostList {
  hosts: Piece[];
  /** What stands between two hosts; anything but a single `;` is a mistake. */
  separators: Piece[];
}

/** Hosts of line 15 or 16: names between `;`, `,` or whitespace. */
export function parseHostList(raw: Piece): HostList {
  const piece = trimPiece(raw);
  if (piece.text.length === 0) return { hosts: [], separators: [] };
  const { parts, separators } = splitPiece(piece, /[;,\s]+/);
  // Leading or trailing separators leave empty parts; they are separators, not hosts.
  return { hosts: parts.filter((part) => part.text.length > 0), separators };
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isIPv4Address(text: string): boolean {
  return IPV4.test(text);
}

/**
 * RFC 4291's text forms, as Node's `net.isIPv6` reads them (a test holds the two together), without
 * Node: the service also runs in the browser. Eight groups of 1-4 hex digits, or fewer around one
 * `::`; the last 32 bits may be written as IPv4; an optional zone after `%`.
 */
export function isIPv6Address(text: string): boolean {
  const percent = text.indexOf('%');
  const address = percent < 0 ? text : text.slice(0, percent);
  if (percent >= 0 && !IPV6_ZONE.test(text.slice(percent + 1))) return false;
  const halves = address.split('::');
  if (halves.length > 2) return false;
  const compressed = halves.length === 2;
  const groupsOf = (half: string) => (half === '' ? [] : half.split(':'));
  const head = groupsOf(halves[0]);
  const tail = compressed ? groupsOf(halves[1]) : [];
  const groups = [...head, ...tail];
  // An IPv4 tail must end the address: `1.2.3.4::` is not one.
  const endsWithGroup = !compressed || tail.length > 0;
  let width = 0;
  for (const [index, group] of groups.entries()) {
    if (IPV6_GROUP.test(group)) width += 1;
    else if (index === groups.length - 1 && endsWithGroup && isIPv4Address(group)) width += 2;
    else return false;
  }
  // `::` stands for at least one group of zeros.
  return compressed ? width <= 7 : width === 8;
}

const IPV6_GROUP = /^[0-9A-Fa-f]{1,4}$/;
const IPV6_ZONE = /^[0-9A-Za-z.:-]+$/;

export function isIpAddress(text: string): boolean {
  return isIPv4Address(text) || isIPv6Address(text);
}

const DNS_LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

/** A DNS host name: labels of letters, digits and inner hyphens, 253 characters at most. */
export function isDnsName(text: string): boolean {
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  if (name.length === 0 || name.length > 253) return false;
  const labels = name.split('.');
  if (!labels.every((label) => DNS_LABEL.test(label))) return false;
  // Four numeric labels read as an IPv4 address, so they must be a valid one.
  return !labels.every((label) => /^\d+$/.test(label));
}

export function isValidHost(text: string): boolean {
  return isDnsName(text) || isIpAddress(text);
}

/** Host names compare case-insensitively and without a trailing dot. */
export function hostKey(text: string): string {
  return text.toLowerCase().replace(/\.$/, '');
}

/**
 * Why a host is neither a DNS name nor an IP address, in words a user can act on; undefined
 * for a valid host. Never throws.
 */
export function hostProblem(text: string): string | undefined {
  if (isValidHost(text)) return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return t('it is a URL; write only the host name');
  if (/^[^:]+:\d+$/.test(text)) return t('it carries a port; write only the host name');
  if (text.includes('@')) return t('it holds "@"; write only the host name');
  const nonAscii = /[^\x00-\x7F]/.exec(text);
  if (nonAscii) return t('it holds "{0}"; write an international name in its xn-- (punycode) form', nonAscii[0]);
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  const labels = name.split('.');
  if (labels.every((label) => /^\d+$/.test(label))) return t('it reads as an IPv4 address, but is not one (four numbers from 0 to 255, without leading zeros)');
  if (text.includes(':')) return t('it reads as an IPv6 address, but is not a valid one');
  const badCharacter = /[^A-Za-z0-9.-]/.exec(text);
  if (badCharacter) return t('it holds {0}, which a host name cannot', describeCharacter(badCharacter[0]));
  if (name.length > 253) return t('it is longer than 253 characters');
  if (labels.some((label) => label.length === 0)) return t('it has an empty part between dots');
  if (labels.some((label) => label.length > 63)) return t('a part between dots is longer than 63 characters');
  if (labels.some((label) => label.startsWith('-') || label.endsWith('-'))) return t('a part between dots starts or ends with "-"');
  return t('it is not a valid host name');
}

function describeCharacter(character: string): string {
  if (character === ' ') return t('a space');
  if (character === '\t') return t('a tab');
  const code = character.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) return t('a control character ({0})', `U+${code.toString(16).toUpperCase().padStart(4, '0')}`);
  return `"${character}"`;
}
