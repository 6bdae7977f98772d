import { isIPv6 } from 'node:net';
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

export function isIPv6Address(text: string): boolean {
  return isIPv6(text);
}

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
