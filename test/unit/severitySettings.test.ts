// `icewarp.diagnostics.severity` lists every code of the catalog, so settings.json completes the
// codes and the Settings editor describes them. After adding a code: `npm run generate:settings`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DIAGNOSTIC_CODES } from '../../server/src/service';
import { MANIFEST_PATH, NLS_PATH, SEVERITY_SETTING, severityDescriptionKey, severityDescriptions, severityProperties, withSeverityDescriptions, withSeverityProperties } from '../../scripts/generateSeveritySettings';

interface SeveritySchema {
  properties?: Record<string, { enum?: string[]; default?: string; markdownDescription?: string }>;
  additionalProperties?: { enum?: string[] };
}

const manifestText = readFileSync(MANIFEST_PATH, 'utf8');
const nlsText = readFileSync(NLS_PATH, 'utf8');
const nls = JSON.parse(nlsText) as Record<string, string>;
const severity = (JSON.parse(manifestText) as { contributes: { configuration: { properties: Record<string, SeveritySchema> } } }).contributes.configuration.properties[SEVERITY_SETTING];

test('package.json lists exactly the codes of the catalog, each with its summary and default (else run `npm run generate:settings`)', () => {
  assert.deepEqual(Object.keys(severity.properties ?? {}), Object.keys(DIAGNOSTIC_CODES));
  assert.deepEqual(severity.properties, severityProperties());
  for (const [key, description] of Object.entries(severityDescriptions())) assert.equal(nls[key], description, key);
});

test('each code offers the five levels and says what it means; a code the catalog does not know yet still validates', () => {
  assert.deepEqual(severity.additionalProperties?.enum, ['error', 'warning', 'information', 'hint', 'off']);
  for (const [code, info] of Object.entries(DIAGNOSTIC_CODES)) {
    const property = severity.properties?.[code];
    assert.deepEqual(property?.enum, ['error', 'warning', 'information', 'hint', 'off'], code);
    assert.equal(property?.default, info.severity, code);
    assert.equal(property?.markdownDescription, `%${severityDescriptionKey(code)}%`, code);
    assert.ok(nls[severityDescriptionKey(code)]?.startsWith(info.summary), code);
  }
});

test('the generator rewrites only that block: on an up-to-date package.json and package.nls.json it changes nothing', () => {
  assert.equal(withSeverityProperties(manifestText, severityProperties()), manifestText);
  assert.equal(withSeverityDescriptions(nlsText, severityDescriptions()), nlsText);
});

test('the generator picks up a code added to the catalog', () => {
  const catalog = { ...DIAGNOSTIC_CODES, 'brand-new-code': { severity: 'warning', summary: 'Something new.' } };
  const updated = JSON.parse(withSeverityProperties(manifestText, severityProperties(catalog)));
  const property = updated.contributes.configuration.properties[SEVERITY_SETTING].properties['brand-new-code'];
  assert.equal(property.markdownDescription, '%icewarp.diagnostics.severity.brand-new-code%');
  const updatedNls = JSON.parse(withSeverityDescriptions(nlsText, severityDescriptions(catalog)));
  assert.equal(updatedNls['icewarp.diagnostics.severity.brand-new-code'], 'Something new. Default: `warning`.');
  delete updatedNls['icewarp.diagnostics.severity.brand-new-code'];
  assert.deepEqual(updatedNls, nls);
  // Everything else of the manifest is as it was.
  delete updated.contributes.configuration.properties[SEVERITY_SETTING].properties['brand-new-code'];
  assert.deepEqual(updated, JSON.parse(manifestText));
});
