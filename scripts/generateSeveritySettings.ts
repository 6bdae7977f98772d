// `npm run generate:settings`: writes every diagnostic code of the catalog
// (server/src/service/rules/codes.ts) into package.json as a property of
// `icewarp.diagnostics.severity`, with its summary, its default and the allowed levels, so the
// Settings editor and settings.json complete the codes. Run it after adding a code;
// test/unit/severitySettings.test.ts fails while package.json and the catalog disagree.
// Only that one block of package.json is rewritten; the rest keeps its formatting.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, modify } from 'jsonc-parser';
import { severitySettingSchema } from '../common/protocol';
import { DIAGNOSTIC_CODES } from '../server/src/service/rules/codes';

export const MANIFEST_PATH = path.resolve(__dirname, '..', 'package.json');
export const SEVERITY_SETTING = 'icewarp.diagnostics.severity';
const PROPERTIES_PATH = ['contributes', 'configuration', 'properties', SEVERITY_SETTING, 'properties'];

export interface SeverityProperty {
  type: 'string';
  enum: string[];
  default: string;
  markdownDescription: string;
}

/** One property per code, in the catalog's order. */
export function severityProperties(catalog: Readonly<Record<string, { severity: string; summary: string }>> = DIAGNOSTIC_CODES): Record<string, SeverityProperty> {
  const properties: Record<string, SeverityProperty> = {};
  for (const [code, info] of Object.entries(catalog)) {
    properties[code] = {
      type: 'string',
      enum: [...severitySettingSchema.options],
      default: info.severity,
      markdownDescription: `${info.summary} Default: \`${info.severity}\`.`,
    };
  }
  return properties;
}

/** The manifest's text with the severity properties replaced by `properties`. */
export function withSeverityProperties(manifestText: string, properties: Record<string, SeverityProperty>): string {
  const eol = manifestText.includes('\r\n') ? '\r\n' : '\n';
  const edits = modify(manifestText, PROPERTIES_PATH, properties, { formattingOptions: { insertSpaces: true, tabSize: 2, eol } });
  return applyEdits(manifestText, edits);
}

if (require.main === module) {
  const before = fs.readFileSync(MANIFEST_PATH, 'utf8');
  const after = withSeverityProperties(before, severityProperties());
  if (after === before) {
    console.log(`package.json: ${SEVERITY_SETTING} already lists the ${Object.keys(DIAGNOSTIC_CODES).length} codes of the catalog.`);
  } else {
    fs.writeFileSync(MANIFEST_PATH, after);
    console.log(`package.json: ${SEVERITY_SETTING} now lists the ${Object.keys(DIAGNOSTIC_CODES).length} codes of the catalog.`);
  }
}
