// Every output format on the fixture clusters (Windows CRLF with a BOM, Linux LF, three nodes
// that disagree), against golden files; JSON against what the language server publishes for
// the same folder; SARIF against the official SARIF 2.1.0 schema; colour only where it belongs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { URI } from 'vscode-uri';
import { DIAGNOSTIC_CODES } from '../../server/src/service';
import { TestClient } from '../../testing/lspClient';
import { assertGolden, copyFixture, normalize, runCli, runCommand } from './helpers';

const CLUSTERS = ['windows-crlf', 'linux-lf', 'cross-node'];
const FORMATS = ['text', 'json', 'sarif', 'github'];

for (const cluster of CLUSTERS) {
  test(`${cluster}: every format matches its golden output`, () => {
    const root = copyFixture(cluster);
    for (const format of FORMATS) {
      const run = runCli(['check', '--format', format], { cwd: root });
      assert.equal(run.code, 1, `${format}: exit code (${run.stderr})`);
      assert.equal(run.stderr, '', `${format}: nothing on stderr`);
      assertGolden(`${cluster}.${format}`, normalize(format === 'sarif' ? withoutPages(run.stdout) : run.stdout, root));
    }
  });
}

/**
 * The SARIF log with each rule's page-derived texts replaced by the page's name: the pages are
 * edited on their own (the test below checks that they are carried whole).
 */
function withoutPages(sarif: string): string {
  const log = JSON.parse(sarif) as SarifLog;
  for (const rule of log.runs[0].tool.driver.rules) {
    const page = `docs/codes/${rule.id}.md`;
    rule.fullDescription = { text: `<${page}: What it means>` };
    if (rule.help) rule.help = { text: `<${page}: What it means>`, markdown: `<${page}>` };
  }
  return JSON.stringify(log, null, 2) + '\n';
}

test('the text format names related locations on the other node, and the problem matcher reads every problem line', () => {
  const root = copyFixture('cross-node');
  const { stdout } = runCli(['check'], { cwd: root });
  const lines = stdout.split('\n');
  // mx2's 11 breaks the cluster's numbering (Server ID = hostname number + 10): only mx2 is told.
  const duplicate = lines.findIndex((line) => line.startsWith('mx2/path.dat:4:1  error    ') && line.endsWith('  server-id-duplicate'));
  assert.ok(duplicate >= 0, stdout);
  assert.match(lines[duplicate + 1], /^ {4}mx1\/path\.dat:4:1 {2}mx1\.corp\.example \(mx1\/path\.dat\) uses Server ID "11" too$/);
  const matcher = problemMatcher();
  const problems = lines.filter((line) => matcher.test(line));
  assert.equal(problems.length, 5, 'one matched line per problem, none for related lines or the summary');
  assert.equal(lines.filter((line) => /\S/.test(line)).at(-1), '5 problems (3 errors, 2 warnings) in 3 of 3 files');
});

/** The regexp of the `icewarp-pathcfg` problem matcher this package contributes. */
function problemMatcher(): RegExp {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));
  const matcher = manifest.contributes.problemMatchers.find((each: { name: string }) => each.name === 'icewarp-pathcfg');
  return new RegExp(matcher.pattern.regexp);
}

test('--format json gives per file exactly the diagnostics the language server publishes for the same folder', async () => {
  const root = copyFixture('cross-node');
  const fromCli: { file: string; diagnostics: unknown[] }[] = JSON.parse(runCli(['check', '--format', 'json'], { cwd: root }).stdout);
  const client = await TestClient.start({ folders: [root] });
  try {
    for (const { file, diagnostics } of fromCli) {
      const uri = URI.file(path.join(root, file)).toString();
      await client.waitFor(() => client.publishCount(uri) > 0, `diagnostics of ${file}`);
      // The server also links each code to its page shipped beside it; the command line prints no links.
      const published = client.latestDiagnostics(uri)?.map(({ codeDescription: _link, ...diagnostic }) => diagnostic);
      assert.deepEqual(diagnostics, published, file);
    }
  } finally {
    await client.stop();
  }
});

/** The parts of a SARIF log these tests read. */
interface SarifLog {
  version?: string;
  runs: {
    tool: { driver: { rules: { id: string; shortDescription: { text: string }; fullDescription: { text: string }; help?: { text: string; markdown: string }; defaultConfiguration: { level: string } }[] } };
    results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { region: { startLine: number } } }[]; relatedLocations?: { physicalLocation: unknown }[] }[];
  }[];
}

test('--format sarif validates against the official SARIF 2.1.0 schema, with rules, levels and related locations', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, 'schemas', 'sarif-schema-2.1.0.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validateSarif = ajv.compile<SarifLog>(schema);
  for (const cluster of CLUSTERS) {
    const root = copyFixture(cluster);
    const log: SarifLog = JSON.parse(runCli(['check', '--format', 'sarif'], { cwd: root }).stdout);
    assert.ok(validateSarif(log), `${cluster}: ${ajv.errorsText(validateSarif.errors)}`);
    const run = log.runs[0];
    for (const result of run.results) {
      assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
      assert.ok(result.locations[0].physicalLocation.region.startLine >= 1);
    }
  }
  const root = copyFixture('cross-node');
  const run = (JSON.parse(runCli(['check', '--format', 'sarif'], { cwd: root }).stdout) as SarifLog).runs[0];
  const duplicate = run.results.find((result) => result.ruleId === 'server-id-duplicate');
  assert.equal(duplicate?.level, 'error');
  assert.deepEqual(duplicate?.relatedLocations?.[0].physicalLocation, { artifactLocation: { uri: 'mx1/path.dat', uriBaseId: '%SRCROOT%' }, region: { startLine: 4, startColumn: 1, endLine: 4, endColumn: 3 } });
  const rule = run.tool.driver.rules.find((each) => each.id === 'deprecated-field');
  assert.equal(rule?.defaultConfiguration.level, 'note');
  assert.equal(rule?.shortDescription.text, 'Lines 6 and 7 (AntiSpam, GroupWare paths) are deprecated.');
  // The full description and help come from the code's page, as the editor explains it.
  const page = fs.readFileSync(path.resolve(__dirname, '../../docs/codes/server-id-duplicate.md'), 'utf8');
  const duplicateRule = run.tool.driver.rules.find((each) => each.id === 'server-id-duplicate');
  assert.equal(duplicateRule?.help?.markdown, page);
  assert.match(duplicateRule?.fullDescription.text ?? '', /^Another node of the same cluster uses the same Server ID\. .* \(related information\)\.$/);
});

test('--locale cs and de carry the Czech and German page of each code as the SARIF rule help, English by default', () => {
  const root = copyFixture('cross-node');
  const helpOf = (args: string[]) => {
    const rules = (JSON.parse(runCli(['check', '--format', 'sarif', ...args], { cwd: root }).stdout) as SarifLog).runs[0].tool.driver.rules;
    return rules.find((rule) => rule.id === 'server-id-duplicate');
  };
  const page = (folder: string) => fs.readFileSync(path.resolve(__dirname, '../../docs', folder, 'server-id-duplicate.md'), 'utf8');
  const czech = helpOf(['--locale', 'cs']);
  assert.equal(czech?.help?.markdown, page('cs/codes'));
  assert.match(czech?.fullDescription.text ?? '', /^Jiný uzel téhož clusteru používá stejné Server ID\. /);
  assert.equal(czech?.help?.text, czech?.fullDescription.text);
  const german = helpOf(['--locale', 'de']);
  assert.equal(german?.help?.markdown, page('de/codes'));
  assert.match(german?.fullDescription.text ?? '', /^Ein anderer Knoten desselben Clusters verwendet dieselbe Server ID\. /);
  assert.equal(helpOf(['--locale', 'en'])?.help?.markdown, page('codes'));
});

test('the SARIF schema check can fail: a log without its version is rejected', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, 'schemas', 'sarif-schema-2.1.0.json'), 'utf8'));
  const ajv = new Ajv({ strict: false });
  addFormats(ajv);
  const log: SarifLog = JSON.parse(runCli(['check', '--format', 'sarif'], { cwd: copyFixture('linux-lf') }).stdout);
  delete log.version;
  assert.equal(ajv.compile(schema)(log), false);
});

test('colour only on a terminal, and never with NO_COLOR or --no-color; --color forces it', () => {
  const root = copyFixture('linux-lf');
  const escape = '\u001b[';
  assert.ok(!runCli(['check'], { cwd: root }).stdout.includes(escape), 'piped: no colour');
  assert.ok(runCli(['check', '--color'], { cwd: root }).stdout.includes(escape), '--color');
  // `script` gives the command a pseudo-terminal, as a person's shell would.
  const onTty = (env: Record<string, string>, extra = '') =>
    runCommand('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(path.resolve(__dirname, '../../dist/cli.js'))} check ${extra}`, '/dev/null'], { cwd: root, env }).stdout;
  assert.ok(onTty({}).includes(escape), 'a terminal gets colour');
  assert.ok(!onTty({ NO_COLOR: '1' }).includes(escape), 'NO_COLOR=1');
  assert.ok(!onTty({}, '--no-color').includes(escape), '--no-color');
  assert.ok(onTty({ NO_COLOR: '' }).includes(escape), 'an empty NO_COLOR does not count');
});

test('--locale cs and de write the messages in that language, the codes in English; English by default; an unknown language is bad usage', () => {
  const root = copyFixture('cross-node');
  const english = runCli(['check'], { cwd: root });
  const czech = runCli(['check', '--locale', 'cs'], { cwd: root });
  const german = runCli(['check', '--locale', 'de'], { cwd: root });
  assert.match(english.stdout, /Server ID "\S+" is also used by/);
  assert.match(czech.stdout, /Server ID "\S+" používá také/);
  assert.match(german.stdout, /Die Server ID "\S+" wird auch von/);
  const codesOf = (text: string) => text.split('\n').map((line) => /  ([a-z][a-z0-9-]+)$/.exec(line)?.[1]).filter((code) => code !== undefined && code in DIAGNOSTIC_CODES);
  assert.deepEqual(codesOf(czech.stdout), codesOf(english.stdout));
  assert.deepEqual(codesOf(german.stdout), codesOf(english.stdout));
  assert.equal(runCli(['check', '--locale', 'xx'], { cwd: root }).code, 2);
});

test('without --locale the language is the environment\'s: LC_ALL, else LC_MESSAGES, else LANG; C is English; --locale wins', () => {
  const root = copyFixture('cross-node');
  const said = (env: Record<string, string>, ...args: string[]) => runCli(['check', ...args], { cwd: root, env }).stdout;
  assert.match(said({ LANG: 'cs_CZ.UTF-8' }), /Server ID "\S+" používá také/);
  assert.match(said({ LANG: 'de_AT.UTF-8' }), /Die Server ID "\S+" wird auch von/);
  assert.match(said({ LANG: 'cs_CZ.UTF-8', LC_MESSAGES: 'de_DE.UTF-8' }), /Die Server ID "\S+" wird auch von/);
  assert.match(said({ LANG: 'de_DE.UTF-8', LC_MESSAGES: 'de_DE.UTF-8', LC_ALL: 'cs_CZ.UTF-8' }), /Server ID "\S+" používá také/);
  assert.match(said({ LANG: 'C.UTF-8' }), /Server ID "\S+" is also used by/);
  assert.match(said({ LANG: 'fr_FR.UTF-8' }), /Server ID "\S+" is also used by/);
  assert.match(said({ LANG: 'cs_CZ.UTF-8' }, '--locale', 'en'), /Server ID "\S+" is also used by/);
  assert.match(said({ LANG: 'cs_CZ.UTF-8' }, '--locale', 'de'), /Die Server ID "\S+" wird auch von/);
});
