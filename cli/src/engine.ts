// The one module through which the command line reaches the language service and the server's
// file discovery. The CLI holds no rule: it finds files, hands them to the same engine the editor
// uses, and formats what comes back. Those APIs are moving (fixes owned by rules, a file-access
// interface for discovery), so every call goes through here and adapting is a few lines.
import { readFileSync, statSync } from 'node:fs';
import { URI } from 'vscode-uri';
import { DEFAULT_MAX_FILE_SIZE, DIAGNOSTIC_SOURCE, NODE_FILE_NAMES, Settings, SettingsProblem, SeveritySetting, isRecord, parseSettings } from '../../common/protocol';
import { redactNodeFileText } from '../../common/redact';
import { isNodeFileName } from '../../server/src/host/fileAccess';
import { nodeFileAccess } from '../../server/src/nodeFiles';
import { fixAll } from '../../server/src/service/fixes';
import { DIAGNOSTIC_CODES, DiagnosticCode, NodeFile, ServiceDiagnostic, Workspace, parseNodeFile, tooLargeDiagnostics, validate } from '../../server/src/service/languageService';
import { applyEdits } from '../../server/src/service/textEdits';
import { MESSAGE_LANGUAGES, setMessageLocale } from '../../server/src/service/l10n';

export { DEFAULT_MAX_FILE_SIZE, DIAGNOSTIC_CODES, MESSAGE_LANGUAGES, setMessageLocale, DIAGNOSTIC_SOURCE, NODE_FILE_NAMES, Workspace, isNodeFileName, isRecord };
export type { DiagnosticCode, NodeFile, ServiceDiagnostic, Settings, SettingsProblem, SeveritySetting };

export type Severity = ServiceDiagnostic['severity'];
export const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const satisfies readonly Severity[];

export interface CheckOptions {
  severityOverrides: Readonly<Record<string, SeveritySetting>>;
  maxFileSize: number;
}

export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.prototype.hasOwnProperty.call(DIAGNOSTIC_CODES, code);
}

export function fileUri(fsPath: string): string {
  return URI.file(fsPath).toString();
}

export function uriToPath(uri: string): string {
  return URI.parse(uri).fsPath;
}

/** Every path.cfg / path.dat under the folders, as the language server indexes a workspace (absolute paths). */
export async function discoverNodeFiles(folders: readonly string[]): Promise<string[]> {
  const { uris } = await nodeFileAccess.findNodeFiles(folders.map(fileUri));
  return uris.map(uriToPath);
}

export type NodeRead = { kind: 'node'; node: NodeFile } | { kind: 'too-large'; size: number } | { kind: 'unreadable' };

/**
 * Reads and parses a node file as the server's `nodeFileAccess.readNodeFile` does (size first,
 * UTF-8, BOM removed), but synchronously: its promise-based reads (async because a browser host
 * answers them over the protocol) cost about 1.5 s of CPU for 10,000 files where these cost
 * 0.25 s (bench/cli.ts), most of a run's budget.
 */
export function readNode(fsPath: string, maxFileSize: number): NodeRead {
  try {
    const stats = statSync(fsPath);
    if (!stats.isFile()) return { kind: 'unreadable' };
    if (stats.size > maxFileSize) return { kind: 'too-large', size: stats.size };
    const text = readFileSync(fsPath, 'utf8');
    return { kind: 'node', node: parseNodeFile(fileUri(fsPath), text.startsWith('\uFEFF') ? text.slice(1) : text) };
  } catch {
    return { kind: 'unreadable' };
  }
}

export function parseNode(fsPath: string, text: string): NodeFile {
  return parseNodeFile(fileUri(fsPath), text);
}

export function check(node: NodeFile, workspace: Workspace, options: CheckOptions, onRuleError?: (code: string) => void): ServiceDiagnostic[] {
  return validate(node, workspace, { ...options, onRuleError: onRuleError && ((code) => onRuleError(code)) });
}

export function tooLarge(size: number, options: CheckOptions): ServiceDiagnostic[] {
  return tooLargeDiagnostics(size, options.maxFileSize, options.severityOverrides);
}

/** The text after the editor's fix-all (every preferred fix, each tried before it is applied). */
export function fixedText(node: NodeFile, workspace: Workspace, options: CheckOptions): string {
  const edits = fixAll(node, workspace, options);
  return edits.length === 0 ? node.text : applyEdits(node.text, edits);
}

/** The `icewarp` section of a settings object, validated by the editor's own schema. */
export function readSettings(section: unknown): { settings: Settings; problems: SettingsProblem[] } {
  return parseSettings(section);
}

/** A node file's text with every line-5 password masked, for anything printed (diffs). */
export function maskPasswords(text: string): string {
  return redactNodeFileText(text);
}
