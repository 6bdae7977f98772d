// The one module through which the command line reaches the language service and the server's
// file discovery. The CLI holds no rule: it finds files, hands them to the same engine the editor
// uses, and formats what comes back. Those APIs are moving (fixes owned by rules, a file-access
// interface for discovery), so every call goes through here and adapting is a few lines.
import { URI } from 'vscode-uri';
import { DEFAULT_MAX_FILE_SIZE, DIAGNOSTIC_SOURCE, NODE_FILE_NAMES, Settings, SettingsProblem, SeveritySetting, isRecord, parseSettings } from '../../common/protocol';
import { redactNodeFileText } from '../../common/redact';
import { toLspDiagnostic } from '../../server/src/core/lspDiagnostic';
import { isNodeFileName } from '../../server/src/host/files';
import { classifyNodeFile } from '../../server/src/service/classify';
import { describeFsError, kindOfStats, readNodeFileAt, walkNodeFiles } from '../../server/src/host/diskNodeFiles';
import { fixAll } from '../../server/src/service/fixes';
import { DIAGNOSTIC_CODES, DiagnosticCode, NodeFile, ServiceDiagnostic, Workspace, parseNodeFile, tooLargeDiagnostics, validate } from '../../server/src/service/languageService';
import { applyEdits } from '../../server/src/service/textEdits';
import { MESSAGE_LANGUAGES, setMessageLocale } from '../../server/src/service/l10n';

export { DEFAULT_MAX_FILE_SIZE, DIAGNOSTIC_CODES, DIAGNOSTIC_SOURCE, MESSAGE_LANGUAGES, NODE_FILE_NAMES, Workspace, describeFsError, isNodeFileName, isRecord, kindOfStats, setMessageLocale, toLspDiagnostic, walkNodeFiles };
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

export type NodeRead = { kind: 'node'; node: NodeFile } | { kind: 'too-large'; size: number } | { kind: 'unreadable' };

/** Reads and parses a node file exactly as the language server reads an unopened one (size first, UTF-8, BOM removed). */
export async function readNode(fsPath: string, maxFileSize: number): Promise<NodeRead> {
  const read = await readNodeFileAt(fsPath, maxFileSize);
  if (read.kind === 'text') return { kind: 'node', node: parseNodeFile(fileUri(fsPath), read.text) };
  return read.kind === 'too-large' ? read : { kind: 'unreadable' };
}

/**
 * Why a node file belongs to another program (robot waypoints, an INI file...), or undefined for
 * an IceWarp file: the editor's own verdict, so the CLI skips what the editor leaves alone.
 */
export function foreignReasons(node: NodeFile): string[] | undefined {
  const verdict = classifyNodeFile(node.text);
  return verdict.kind === 'foreign' ? verdict.reasons : undefined;
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
