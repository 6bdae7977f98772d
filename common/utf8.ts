// Text sizes in UTF-8 bytes without Node's Buffer: the service and the server core also run in
// the browser.

/**
 * The bytes `text` takes in UTF-8, as `Buffer.byteLength(text, 'utf8')` counts them (a lone
 * surrogate is written as U+FFFD, 3 bytes), without encoding it.
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length && isLowSurrogate(text.charCodeAt(index + 1))) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
