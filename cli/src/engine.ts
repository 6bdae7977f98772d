// The command line's own helpers around the language service: a file system path as the URI the
// service names nodes by, a node file read and parsed exactly as the language server reads an
// unopened one, and the check and fix-all calls with the CLI's options. The CLI holds no rule: it
// finds files, hands them to the same service the editor uses (server/src/service, imported from
// its front door), and formats what comes back.
import { URI } from 'vscode-uri';
import type { SeveritySetting } from '../../common/protocol';
import { encodePathBytes, hasRawBytes, readNodeFileAt } from '../../server/src/host/diskNodeFiles';
import { NodeFile, ServiceDiagnostic, Workspace, applyEdits, classifyNodeFile, fixAll, parseNodeFile, tooLargeDiagnostics, validate } from '../../server/src/service';

export interface CheckOptions {
  severityOverrides: Readonly<Record<string, SeveritySetting>>;
  maxFileSize: number;
}

/** The URI the service names a node by; a path with bytes that are no UTF-8 percent-encodes them (`%E1`). */
export function fileUri(fsPath: string): string {
  if (hasRawBytes(fsPath)) return `file://${encodePathBytes(fsPath.split('\\').join('/'))}`;
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
