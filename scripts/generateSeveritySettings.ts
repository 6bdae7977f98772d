// `npm run generate:settings`: writes every diagnostic code of the catalog
// (server/src/service/rules/codes.ts) into package.json as a property of
// `icewarp.diagnostics.severity`, with its default and the allowed levels, so the Settings editor
// and settings.json complete the codes. The description is a reference `%key%` to
// package.nls.json, where the generator writes the code's summary; the Czech and German
// translations (package.nls.cs.json, package.nls.de.json) are written by hand, and
// test/unit/l10n.test.ts fails while one lacks a key. Run it after adding a code;
// test/unit/severitySettings.test.ts fails while package.json and the catalog disagree.
// Only that one block of package.json and those keys of package.nls.json are rewritten; the rest
// keeps its formatting.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, modify } from 'jsonc-parser';
import { severitySettingSchema } from '../common/protocol';
import { DIAGNOSTIC_CODES } from '../server/src/service';

export const MANIFEST_PATH = path.resolve(__dirname, '..', 'package.json');
export const NLS_PATH = path.resolve(__dirname, '..', 'package.nls.json');
export const SEVERITY_SETTING = 'icewarp.diagnostics.severity';
const PROPERTIES_PATH = ['contributes', 'configuration', 'properties', SEVERITY_SETTING, 'properties'];

type Catalog = Readonly<Record<string, { severity: string; summary: string }>>;

export interface SeverityProperty {
  type: 'string';
  enum: string[];
  default: string;
  markdownDescription: string;
}

/** The package.nls.json key of a code's description. */
export function severityDescriptionKey(code: string): string {
  return `${SEVERITY_SETTING}.${code}`;
}

/** One property per code, in the catalog's order; each description refers to package.nls.json. */
export function severityProperties(catalog: Catalog = DIAGNOSTIC_CODES): Record<string, SeverityProperty> {
  const properties: Record<string, SeverityProperty> = {};
  for (const [code, info] of Object.entries(catalog)) {
    properties[code] = {
      type: 'string',
      enum: [...severitySettingSchema.options],
      default: info.severity,
      markdownDescription: `%${severityDescriptionKey(code)}%`,
    };
  }
  return properties;
}

/** The English description of each code, by its package.nls.json key. */
export function severityDescriptions(catalog: Catalog = DIAGNOSTIC_CODES): Record<string, string> {
  return Object.fromEntries(Object.entries(catalog).map(([code, info]) => [severityDescriptionKey(code), `${info.summary} Default: \`${info.severity}\`.`]));
}

function formatting(text: string) {
  return { formattingOptions: { insertSpaces: true, tabSize: 2, eol: text.includes('\r\n') ? '\r\n' : '\n' } };
}

/** The manifest's text with the severity properties replaced by `properties`. */
export function withSeverityProperties(manifestText: string, properties: Record<string, SeverityProperty>): string {
  return applyEdits(manifestText, modify(manifestText, PROPERTIES_PATH, properties, formatting(manifestText)));
}

/** package.nls.json's text with the codes' descriptions set (a code dropped from the catalog keeps none). */
export function withSeverityDescriptions(nlsText: string, descriptions: Record<string, string>): string {
  let text = nlsText;
  const stale = Object.keys(JSON.parse(nlsText) as Record<string, string>).filter((key) => key.startsWith(`${SEVERITY_SETTING}.`) && key !== `${SEVERITY_SETTING}.markdownDescription` && !(key in descriptions));
  for (const key of stale) text = applyEdits(text, modify(text, [key], undefined, formatting(text)));
  for (const [key, description] of Object.entries(descriptions)) text = applyEdits(text, modify(text, [key], description, formatting(text)));
  return text;
}

if (require.main === module) {
  const count = Object.keys(DIAGNOSTIC_CODES).length;
  for (const [file, update] of [
    [MANIFEST_PATH, (text: string) => withSeverityProperties(text, severityProperties())],
    [NLS_PATH, (text: string) => withSeverityDescriptions(text, severityDescriptions())],
  ] as const) {
    const before = fs.readFileSync(file, 'utf8');
    const after = update(before);
    const name = path.basename(file);
    if (after === before) {
      console.log(`${name}: ${SEVERITY_SETTING} already lists the ${count} codes of the catalog.`);
    } else {
      fs.writeFileSync(file, after);
      console.log(`${name}: ${SEVERITY_SETTING} now lists the ${count} codes of the catalog.`);
    }
  }
}
