// Paths on a disk whose names need not be valid UTF-8 (a cp1250 "Zálohy" unpacked from an old
// zip holds the byte 0xE1). Node decodes such a name to U+FFFD, and the path made of it names no
// file. Here a name's bytes become a string that keeps every byte: valid UTF-8 is decoded as
// usual, and each byte of an invalid sequence becomes a lone surrogate U+DC80-U+DCFF (Python's
// "surrogateescape"), which no decoded UTF-8 holds. So a path stays a string (sortable, a map
// key, joined with node:path) and `forFs` gives back the exact bytes to open it by.

const UTF8 = new TextDecoder('utf-8', { fatal: true });
/** A byte kept as a lone low surrogate: one not preceded by a high surrogate (an astral character's own low half). */
const RAW_BYTE = /(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/g;
/** The same, without the global flag's lastIndex: for `test`. */
const HAS_RAW_BYTE = new RegExp(RAW_BYTE.source);

/** A name's (or a path's) bytes as a string, every byte kept. */
export function pathFromBytes(bytes: Uint8Array): string {
  const decoded = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  // U+FFFD marks an invalid sequence, unless the name holds that character itself.
  if (!decoded.includes('\uFFFD') || Buffer.from(decoded, 'utf8').equals(bytes)) return decoded;
  let text = '';
  for (let index = 0; index < bytes.length; ) {
    const length = sequenceLength(bytes[index]);
    const character = length > 0 ? decodeOne(bytes.subarray(index, index + length)) : undefined;
    if (character === undefined) {
      text += String.fromCharCode(0xdc00 + bytes[index]);
      index++;
    } else {
      text += character;
      index += length;
    }
  }
  return text;
}

/** How many bytes a UTF-8 sequence starting with `lead` has; 0 for a byte that starts none. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function decodeOne(sequence: Uint8Array): string | undefined {
  try {
    return UTF8.decode(sequence);
  } catch {
    return undefined;
  }
}

/** Whether the path holds bytes that are no UTF-8 (VS Code cannot name it by URI). */
export function hasRawBytes(fsPath: string): boolean {
  return HAS_RAW_BYTE.test(fsPath);
}

/** What node:fs is given for the path: the string itself, or its exact bytes when it holds raw ones. */
export function forFs(fsPath: string): string | Buffer {
  if (!hasRawBytes(fsPath)) return fsPath;
  const parts: Buffer[] = [];
  let start = 0;
  for (const match of fsPath.matchAll(RAW_BYTE)) {
    const index = match.index ?? 0;
    parts.push(Buffer.from(fsPath.slice(start, index), 'utf8'), Buffer.of(fsPath.charCodeAt(index) - 0xdc00));
    start = index + 1;
  }
  parts.push(Buffer.from(fsPath.slice(start), 'utf8'));
  return Buffer.concat(parts);
}

/** The path as printed: each raw byte as `\xNN` (lowercase hex), the rest as it is. */
export function showPath(fsPath: string): string {
  return fsPath.replace(RAW_BYTE, (byte) => `\\x${(byte.charCodeAt(0) - 0xdc00).toString(16).padStart(2, '0')}`);
}

/**
 * A path as a `file:` URI reference's path part: every byte that is not unreserved percent-encoded
 * (a raw byte as itself, `%E1`), `/` kept.
 */
export function encodePathBytes(fsPath: string): string {
  let encoded = '';
  for (const byte of toBytes(fsPath)) {
    const character = String.fromCharCode(byte);
    encoded += /[A-Za-z0-9\-._~/]/.test(character) ? character : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}

function toBytes(fsPath: string): Buffer {
  const forDisk = forFs(fsPath);
  return typeof forDisk === 'string' ? Buffer.from(forDisk, 'utf8') : forDisk;
}
