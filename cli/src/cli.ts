#!/usr/bin/env node
// `icewarp-pathcfg check`: the editor's checks and fixes for path.cfg / path.dat from the
// command line, for CI pipelines, pre-commit hooks and fleets of clusters. A front end only:
// every rule, cross-node check and fix comes from the language service (server/src/service).
//
// Exit codes: 0 no errors (and warnings within --max-warnings); 1 problems over the limit;
// 2 bad usage, input that could not be read, output that could not be written, or an internal
// error (one line on stderr). ./output.ts holds them and guards both streams.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { CheckReport, runCheck } from './check';
import { type SeveritySetting, severitySettingSchema } from '../../common/protocol';
import { DIAGNOSTIC_CODES, MESSAGE_LANGUAGES, environmentLocale, isDiagnosticCode, setMessageBundleLoader, setMessageLocale } from '../../server/src/service';
import { diskMessages } from '../../server/src/host/diskMessages';
import { formatGithub } from './formats/github';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { countProblems, plural, summaryLine } from './formats/shared';
import { formatText } from './formats/text';
import { displayPath } from './inputs';
import { registerLiveCommands } from './live/commands';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_TROUBLE, commandOutput, escapeControlsByLine, escapeControlsInLines } from './output';
import { CLI_NAME, VERSION } from './version';

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];
/** What --rule takes, mildest first. */
const SEVERITY_SETTINGS = [...severitySettingSchema.options].reverse();

interface CheckFlags {
  format: Format;
  fix?: boolean;
  fixDryRun?: boolean;
  rule: Record<string, SeveritySetting>;
  config: boolean;
  maxWarnings?: number;
  maxFileSize?: number;
  color?: boolean;
  debug?: boolean;
  /** Absent: the language of the environment (LC_ALL, LC_MESSAGES, LANG). */
  locale?: string;
}

function parseRule(value: string, previous: Record<string, SeveritySetting>): Record<string, SeveritySetting> {
  const match = /^([^=]+)=(.*)$/.exec(value);
  if (!match) throw new InvalidArgumentError('expected code=severity, e.g. whitespace=off.');
  const [, code, severity] = match;
  if (!isDiagnosticCode(code)) throw new InvalidArgumentError(`unknown code "${code}"; the codes are listed by \`${CLI_NAME} codes\`.`);
  if (!(SEVERITY_SETTINGS as readonly string[]).includes(severity)) throw new InvalidArgumentError(`severity must be one of ${SEVERITY_SETTINGS.join(', ')}.`);
  return { ...previous, [code]: severity as SeveritySetting };
}

function parseCount(value: string): number {
  if (!/^(-1|\d+)$/.test(value)) throw new InvalidArgumentError('expected a whole number (or -1 for no limit).');
  return Number(value);
}

function parseBytes(value: string): number {
  const match = /^(\d+)\s*(b|k|kb|m|mb)?$/i.exec(value);
  if (!match) throw new InvalidArgumentError('expected a number of bytes, e.g. 5242880 or 5MB.');
  const unit = (match[2] ?? 'b').toLowerCase()[0];
  return Number(match[1]) * (unit === 'm' ? 1024 * 1024 : unit === 'k' ? 1024 : 1);
}

const output = commandOutput();
const stderr = (line: string) => output.line(line);

async function check(paths: string[], flags: CheckFlags): Promise<number> {
  // The language's messages are read from the l10n folder shipped beside the bundle, only when asked for;
  // without --locale, the language of the environment (LC_ALL / LC_MESSAGES / LANG).
  setMessageBundleLoader(diskMessages(__dirname));
  const taken = setMessageLocale(flags.locale ?? environmentLocale(process.env));
  if (flags.locale !== undefined && taken !== flags.locale) stderr(`The messages in "${flags.locale}" are not installed beside ${CLI_NAME}; writing them in English.`);
  const report = await runCheck({
    paths: paths.length > 0 ? paths : ['.'],
    rules: flags.rule,
    maxFileSize: flags.maxFileSize,
    useConfig: flags.config,
    fix: flags.fix ? 'write' : flags.fixDryRun ? 'dry-run' : 'none',
    notify: stderr,
  });
  for (const problem of report.problems) stderr(`${displayPath(problem.path)}: ${problem.reason}`);
  for (const error of report.internalErrors) stderr(`internal error: ${error}`);
  if (report.files.length === 0 && report.problems.length === 0 && report.foreign.length === 0) stderr(`No path.cfg or path.dat found in ${(paths.length > 0 ? paths : ['.']).join(', ')}.`);

  if (flags.fixDryRun) {
    const diff = report.fixes.map((fix) => fix.diff ?? '').join('');
    // Exact bytes for `git apply`; on a terminal, for the eye, with the files' control characters escaped.
    output.out(process.stdout.isTTY === true ? escapeControlsInLines(diff) : diff);
    const fixed = report.fixes.reduce((sum, fix) => sum + fix.fixed.length, 0);
    const remaining = summaryLine(countProblems(report)).replace(/^No problems/, 'no problems');
    stderr(report.fixes.length === 0 ? `Nothing to fix; ${remaining}.` : `Would fix ${plural(fixed, 'problem')} in ${plural(report.fixes.length, 'file')}; after that, ${remaining}.`);
  } else {
    for (const fix of report.fixes) if (!fix.notWritten) stderr(`Fixed ${fix.display}: ${describeFixed(fix.fixed)}`);
    output.out(format(report, flags));
  }
  return exitCode(report, flags);
}

function describeFixed(codes: readonly string[]): string {
  if (codes.length === 0) return 'formatting only';
  const counts = new Map<string, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  return `${plural(codes.length, 'problem')} (${[...counts].map(([code, count]) => (count > 1 ? `${code} x${count}` : code)).join(', ')})`;
}

function format(report: CheckReport, flags: CheckFlags): string {
  switch (flags.format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
    case 'github':
      return formatGithub(report);
    case 'text': {
      const noColor = (process.env.NO_COLOR ?? '') !== '';
      return formatText(report, flags.color ?? (process.stdout.isTTY === true && !noColor));
    }
  }
}

function exitCode(report: CheckReport, flags: CheckFlags): number {
  if (report.problems.length > 0 || report.internalErrors.length > 0) return EXIT_TROUBLE;
  const counts = countProblems(report);
  const maxWarnings = flags.maxWarnings ?? -1;
  if (counts.error > 0 || (maxWarnings >= 0 && counts.warning > maxWarnings)) return EXIT_PROBLEMS;
  return EXIT_OK;
}

function listCodes(): void {
  const width = Math.max(...Object.keys(DIAGNOSTIC_CODES).map((code) => code.length));
  for (const [code, info] of Object.entries(DIAGNOSTIC_CODES)) output.out(`${code.padEnd(width)}  ${info.severity.padEnd(11)}  ${info.summary}\n`);
}

function program(debug: { on: boolean }): Command {
  const root = new Command()
    .name(CLI_NAME)
    .description('Checks IceWarp Server load-balancing settings files (path.cfg / path.dat) with the rules of the IceWarp Cluster Config editor extension.')
    .version(VERSION, '-v, --version', 'print the version')
    .helpCommand(false)
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({ writeOut: (text) => output.out(text), writeErr: (text) => output.rawError(escapeControlsByLine(text)) });

  root
    .command('check')
    .description('find every path.cfg / path.dat under the paths, check each against the file format and against the other nodes of its cluster, and print the problems')
    .argument('[paths...]', 'folders and files to check (default: the current folder)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('text'))
    .addOption(new Option('--fix', 'apply every preferred quick fix (as the editor\'s fix-all) and write the files').conflicts('fixDryRun'))
    .option('--fix-dry-run', 'print the fixes as a unified diff instead of writing them (passwords masked)')
    .addOption(new Option('--rule <code=severity>', `set a code's severity: ${SEVERITY_SETTINGS.join('|')} (repeatable; over the settings file)`).argParser(parseRule).default({}, 'none'))
    .option('--no-config', 'ignore icewarp.* settings in .vscode/settings.json')
    .addOption(new Option('--max-warnings <count>', 'exit with 1 when there are more warnings than this').argParser(parseCount))
    .addOption(new Option('--max-file-size <bytes>', 'do not check larger files (default: icewarp.maxFileSize, else 5MB)').argParser(parseBytes))
    .option('--color', 'colour the text format even when not on a terminal')
    .option('--no-color', 'never colour (also NO_COLOR=1)')
    .option('--debug', 'print stack traces of internal errors')
    .addOption(new Option('--locale <language>', 'the language of the messages (codes stay English)').choices(['en', ...MESSAGE_LANGUAGES]).default(undefined, 'LC_ALL / LC_MESSAGES / LANG, else en'))
    .action(async (paths: string[], flags: CheckFlags) => {
      debug.on = flags.debug === true;
      output.exit(await check(paths, flags));
    });

  root
    .command('codes')
    .description('list the diagnostic codes with their default severity')
    .action(listCodes);

  // pull / status / push: the live cluster over SSH (./live).
  registerLiveCommands(root);
  return root;
}

async function main(): Promise<void> {
  const debug = { on: process.argv.includes('--debug') };
  try {
    await program(debug).parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed its one line (or the help / version) already.
      output.exit(error.exitCode === 0 ? EXIT_OK : EXIT_TROUBLE);
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    stderr(`${CLI_NAME}: internal error: ${message}${debug.on ? '' : ' (--debug shows where)'}`);
    if (debug.on && error instanceof Error && error.stack) output.rawError(`${escapeControlsByLine(error.stack)}\n`);
    output.exit(EXIT_TROUBLE);
  }
}

void main();
