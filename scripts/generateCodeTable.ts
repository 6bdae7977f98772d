// `npm run generate:codes`: writes the README's table of diagnostic codes from the catalog
// (server/src/service/rules/codes.ts), as `npm run generate:settings` writes the severity
// settings: one row per code with its default severity, its one-line summary and whether it has
// a quick fix. Only the lines between the two markers are rewritten; everything around them is
// prose. Run it after adding or changing a code; test/unit/readme.test.ts fails while the table
// and the catalog disagree.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DIAGNOSTIC_CODES } from '../server/src/service';

export const README_PATH = path.resolve(__dirname, '..', 'README.md');
export const TABLE_START = '<!-- codes:start -->';
export const TABLE_END = '<!-- codes:end -->';

type Catalog = Readonly<Record<string, { severity: string; summary: string; fixes: readonly string[] }>>;

/** A cell's text with the table's own separator escaped (`ips|ips` stays one cell). */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** The table's lines, in the catalog's order, without the markers. */
export function codeTableLines(catalog: Catalog = DIAGNOSTIC_CODES): string[] {
  return [
    '<!-- Generated from server/src/service/rules/codes.ts by `npm run generate:codes`: edit the catalog, not this table. -->',
    '| code | default | what it means | quick fix |',
    '|---|---|---|---|',
    ...Object.entries(catalog).map(([code, info]) => `| \`${code}\` | ${info.severity} | ${cell(info.summary)} | ${info.fixes.length > 0 ? 'yes' : '-'} |`),
  ];
}

/**
 * The Markdown with the lines between the markers replaced by `table`, in the file's own line
 * ending. Throws when the markers are missing or out of order: the table has no place to go.
 */
export function withCodeTable(markdown: string, table: readonly string[] = codeTableLines()): string {
  const start = markdown.indexOf(TABLE_START);
  const end = markdown.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`the markers ${TABLE_START} and ${TABLE_END} are missing or out of order`);
  const eol = markdown.includes('\r\n') ? '\r\n' : '\n';
  const before = markdown.slice(0, start + TABLE_START.length);
  return `${before}${eol}${table.join(eol)}${eol}${markdown.slice(end)}`;
}

if (require.main === module) {
  const count = Object.keys(DIAGNOSTIC_CODES).length;
  const before = fs.readFileSync(README_PATH, 'utf8');
  const after = withCodeTable(before);
  if (after === before) {
    console.log(`README.md: the code table already lists the ${count} codes of the catalog.`);
  } else {
    fs.writeFileSync(README_PATH, after);
    console.log(`README.md: the code table now lists the ${count} codes of the catalog.`);
  }
}
