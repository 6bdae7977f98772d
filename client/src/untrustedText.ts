// A value from outside (a link any web page can open, a command's argument) quoted in a message
// the editor shows. VS Code's notifications turn `[text](command:...)` and `[text](https://...)`
// into buttons and links, and show a megabyte as a megabyte: the value is cut to a few dozen
// characters and every character that could build markup written as an escape.

/** Characters of a value shown; the rest is cut, with `…`. */
const MAX_SHOWN = 40;

/**
 * The value in quotes, cut to MAX_SHOWN characters, each character but letters, digits, space,
 * `-`, `_` and `.` as `\u{…}` (so no `[`, `]`, `(`, `)` or `:` can form a link); a value that is
 * no string as its type.
 */
export function quoteUntrusted(value: unknown): string {
  if (typeof value !== 'string') return `(${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value})`;
  // By code point, looking at no more of a megabyte than is shown.
  const characters = [...value.slice(0, 2 * MAX_SHOWN + 1)];
  const kept = characters.slice(0, MAX_SHOWN).map((character) => (/^[A-Za-z0-9 _.-]$/.test(character) ? character : `\\u{${(character.codePointAt(0) ?? 0).toString(16)}}`));
  return `"${kept.join('')}${characters.length > MAX_SHOWN ? '…' : ''}"`;
}
