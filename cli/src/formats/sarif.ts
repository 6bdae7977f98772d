// `--format sarif`: SARIF 2.1.0 as GitHub code scanning takes it. One rule per diagnostic code
// (id = the code, descriptions from the catalog and from the code's page in the messages'
// language, default level), one result per problem with its physical location and related
// locations, paths relative to the checked-out repository (`%SRCROOT%`, the current folder).
// Files that could not be read are tool notifications.
import { pathToFileURL } from 'node:url';
import type { CheckReport } from '../check';
import { DIAGNOSTIC_CODES, DiagnosticCode, Severity, currentMessageLanguage } from '../../../server/src/service';
import { CLI_NAME, VERSION } from '../version';
import { codePage, meaningOf } from '../codePages';
import { displayPath } from '../inputs';
import { encodePathBytes, hasRawBytes, showPath } from '../../../server/src/host/diskNodeFiles';
import { relatedOf } from './shared';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const SRCROOT = '%SRCROOT%';

/**
 * Where a rule's help page lives on the web. SARIF wants an absolute URI, and the pages
 * (docs/codes/<code>.md) have none until the repository has a public address; until then rules
 * carry the page itself as `help`.
 */
const RULE_HELP_BASE_URI: string | undefined = undefined;

function ruleOf(code: DiagnosticCode, language: string) {
  const info = DIAGNOSTIC_CODES[code];
  const summary = info.summary.replace(/`/g, '');
  const page = codePage(code, language);
  const meaning = page ? meaningOf(page) : undefined;
  return {
    id: code,
    name: code.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: summary },
    fullDescription: { text: meaning ?? summary },
    ...(page ? { help: { text: meaning ?? summary, markdown: page } } : {}),
    defaultConfiguration: { level: LEVEL[info.severity] },
    ...(RULE_HELP_BASE_URI ? { helpUri: `${RULE_HELP_BASE_URI}${code}.md` } : {}),
    properties: { tags: ['icewarp', 'configuration'] },
  };
}

/** A relative path as a URI reference: each segment percent-encoded (a byte that is no UTF-8 as itself), `/` kept. */
function uriReference(display: string): string {
  return display
    .split('/')
    .map((segment) => (hasRawBytes(segment) ? encodePathBytes(segment) : encodeURIComponent(segment)))
    .join('/');
}

function region(startLine: number, startColumn: number, endLine: number, endColumn: number) {
  return { startLine, startColumn, endLine, endColumn };
}

/** The log of a check; the rules' help pages in `language` (by default the messages' language, as --locale set it). */
export function formatSarif(report: CheckReport, language: string = currentMessageLanguage()): string {
  const codes = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];
  const ruleIndex = new Map(codes.map((code, index) => [code, index]));
  const results = report.files.flatMap((file) =>
    file.diagnostics.map((diagnostic) => {
      const { start, end } = diagnostic.range;
      const related = relatedOf(diagnostic, report);
      return {
        ruleId: diagnostic.code,
        ruleIndex: ruleIndex.get(diagnostic.code) ?? -1,
        level: LEVEL[diagnostic.severity],
        message: { text: diagnostic.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: uriReference(file.display), uriBaseId: SRCROOT },
              region: region(start.line + 1, start.character + 1, end.line + 1, end.character + 1),
            },
          },
        ],
        ...(related.length > 0
          ? {
              relatedLocations: related.map((each, index) => ({
                id: index + 1,
                physicalLocation: {
                  artifactLocation: { uri: uriReference(each.display), uriBaseId: SRCROOT },
                  region: region(each.line, each.column, each.endLine, each.endColumn),
                },
                message: { text: each.message },
              })),
            }
          : {}),
      };
    }),
  );
  const notifications = [
    ...report.problems.map((problem) => ({
      level: 'error' as const,
      message: { text: `${showPath(displayPath(problem.path))}: ${problem.reason}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: uriReference(displayPath(problem.path)), uriBaseId: SRCROOT } } }],
    })),
    ...report.internalErrors.map((text) => ({ level: 'error' as const, message: { text: `internal error: ${text}` } })),
  ];
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: CLI_NAME, version: VERSION, semanticVersion: VERSION, rules: codes.map((code) => ruleOf(code, language)) } },
        invocations: [
          {
            executionSuccessful: report.problems.length === 0 && report.internalErrors.length === 0,
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(process.cwd()).href.replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
