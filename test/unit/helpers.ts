// Builders for service unit tests: a file from its 17 values, and a workspace of several.
import { FIELD_COUNT, ServiceDiagnostic, ValidationOptions, Workspace, classifyNodeFile, parseNodeFile, validate } from '../../server/src/service';

/** A node file from a partial map of 1-based line -> value; other lines stay empty. */
export function nodeText(values: Record<number, string>, ending = '\n', lineCount = 16): string {
  const count = Math.max(lineCount, ...Object.keys(values).map(Number));
  const lines = Array.from({ length: count }, (_, index) => values[index + 1] ?? '');
  return lines.join(ending) + ending;
}

/** A well-formed Linux master of a three-node cluster (the reference example, numbered by the table). */
export const LINUX_MASTER: Record<number, string> = {
  1: '/mnt/data/config/',
  4: '11',
  8: '/opt/icewarp/mailqueues/_outgoing/',
  9: '/opt/icewarp/mailqueues/_outgoing/retry/',
  10: '10.0.0.11',
  11: 'mx1.example.net',
  12: 'license.key',
  13: '/opt/icewarp/mailqueues/_incoming/',
  14: '0',
  15: 'mx1.example.net',
  16: 'mx2.example.net;mx3.example.net',
};

/** A well-formed Windows slave whose config lives on a file server. */
export const WINDOWS_SLAVE: Record<number, string> = {
  1: '\\\\fs01\\icewarp\\config\\',
  4: '12',
  5: '\\\\fs01\\icewarp;ICEWARP\\svc-mail;secret',
  8: 'D:\\IceWarp\\queues\\_outgoing\\',
  9: 'D:\\IceWarp\\queues\\_outgoing\\retry\\',
  10: '192.168.10.12|192.168.10.12',
  11: 'mx2.example.net',
  12: 'license.key',
  13: 'D:\\IceWarp\\queues\\_incoming\\',
  14: '1',
  15: 'mx1.example.net',
  16: 'mx2.example.net;mx3.example.net',
};

export function withValues(base: Record<number, string>, changes: Record<number, string>): Record<number, string> {
  return { ...base, ...changes };
}

/** Validates one file on its own. */
export function diagnose(text: string, options: ValidationOptions = {}): ServiceDiagnostic[] {
  return diagnoseWorkspace({ 'file:///single/path.dat': text }, options)['file:///single/path.dat'];
}

/** Validates every file of a workspace given as uri -> text. */
export function diagnoseWorkspace(files: Record<string, string>, options: ValidationOptions = {}): Record<string, ServiceDiagnostic[]> {
  // Every broken file a test builds is still an IceWarp file to the classifier: broken is not foreign.
  for (const [uri, text] of Object.entries(files)) {
    const verdict = classifyNodeFile(text);
    if (verdict.kind !== 'icewarp') throw new Error(`the classifier calls ${uri} foreign (${verdict.reasons.join('; ')}): ${JSON.stringify(text.slice(0, 400))}`);
  }
  const workspace = new Workspace();
  const nodes = Object.entries(files).map(([uri, text]) => parseNodeFile(uri, text));
  for (const node of nodes) workspace.set(node);
  const onRuleError = (code: string, error: unknown) => {
    throw new Error(`rule ${code} threw: ${String(error)}`);
  };
  return Object.fromEntries(nodes.map((node) => [node.uri, validate(node, workspace, { onRuleError, ...options })]));
}

export function only(diagnostics: ServiceDiagnostic[], code: string): ServiceDiagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.code === code);
}

/** [line, startCharacter, endCharacter] of each diagnostic of the code, 1-based line as the user reads it. */
export function spans(diagnostics: ServiceDiagnostic[], code: string): [number, number, number][] {
  return only(diagnostics, code).map((d) => [d.range.start.line + 1, d.range.start.character, d.range.end.character]);
}

export { FIELD_COUNT };

export interface CodeTableRow {
  code: string;
  severity: string;
  fix: string;
}

/** The rows of a `| code | default | fires when | quick fix |` table (`\\|` is a `|` inside a cell). */
export function codeTableRows(markdown: string): CodeTableRow[] {
  const result: CodeTableRow[] = [];
  for (const line of markdown.split('\n')) {
    const cells = line.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim());
    const code = /^`([a-z-]+)`$/.exec(cells[0] ?? '')?.[1];
    if (!code || cells.length !== 4) continue;
    result.push({ code, severity: cells[1].split(' ')[0], fix: cells[3] });
  }
  return result;
}
