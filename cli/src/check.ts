// `check`: inputs -> one workspace of every node file (so clusters form exactly as in the
// editor) -> the service's diagnostics, and with `--fix` / `--fix-dry-run` the editor's fix-all,
// file after file, each fixed file replacing its old self in the workspace before the next is
// fixed (two nodes missing a Server ID get two different free IDs). No rule lives here.
import { SettingsReader } from './config';
import { DEFAULT_MAX_FILE_SIZE, SeveritySetting } from '../../common/protocol';
import { NodeFile, ServiceDiagnostic, Workspace, classifyNodeFile, parseNodeFile } from '../../server/src/service';
import * as path from 'node:path';
import { CheckOptions, check, fileUri, fixedText, parseNode, tooLarge } from './engine';
import { InputProblem, collectInputs, describeError, displayPath, readNodeText, whyUnreadable } from './inputs';
import { unifiedDiff } from './unifiedDiff';
import { writeFixed } from './write';

export interface CheckRequest {
  paths: string[];
  /** `--rule code=severity`, applied over the settings file. */
  rules: Record<string, SeveritySetting>;
  /** `--max-file-size`; else the settings file's `icewarp.maxFileSize`; else the editor's default. */
  maxFileSize?: number;
  /** False with `--no-config`. */
  useConfig: boolean;
  fix: 'write' | 'dry-run' | 'none';
  /** A line about the run (stderr). */
  notify: (line: string) => void;
}

export interface FileReport {
  /** Absolute path. */
  path: string;
  /** Relative to the current folder, `/`-separated. */
  display: string;
  uri: string;
  diagnostics: ServiceDiagnostic[];
  /** Why the file was not validated (too large, unreadable). */
  notChecked?: string;
}

export interface FixReport {
  display: string;
  /** Codes of this file's problems that the fixes removed, one entry per problem. */
  fixed: string[];
  /** `--fix-dry-run`: the unified diff (passwords masked). */
  diff?: string;
  /** `--fix`: why the file was not written, if it was not. */
  notWritten?: string;
}

/** A file named path.cfg / path.dat that belongs to another program: not checked, not a node of any cluster. */
export interface SkippedFile {
  display: string;
  /** Why it was judged foreign (shapes and line numbers, never a value). */
  reasons: string[];
}

export interface CheckReport {
  files: FileReport[];
  /** Files of other programs, left out as the editor leaves them out. */
  foreign: SkippedFile[];
  /** Inputs that could not be checked: each one makes the exit code 2. */
  problems: InputProblem[];
  fixes: FixReport[];
  /** Rules that threw (an internal error: exit code 2). */
  internalErrors: string[];
}

/** Why a text belongs to another program (the editor's verdict), or undefined for an IceWarp file. */
function foreignReasons(text: string): string[] | undefined {
  const verdict = classifyNodeFile(text);
  return verdict.kind === 'foreign' ? verdict.reasons : undefined;
}

interface LoadedFile extends FileReport {
  /** The current text of a readable file (its fixed text once fixed). */
  node?: NodeFile;
  options: CheckOptions;
}

export async function runCheck(request: CheckRequest): Promise<CheckReport> {
  const inputs = await collectInputs(request.paths);
  for (const notice of inputs.notices) request.notify(notice);
  const problems = [...inputs.problems];
  const internalErrors = new Set<string>();
  const settings = new SettingsReader(request.notify, inputs.listedFolders);

  // Every file of a folder has the same settings: looked up once per folder.
  const optionsByFolder = new Map<string, CheckOptions>();
  const optionsFor = (fsPath: string): CheckOptions => {
    const folderPath = path.dirname(fsPath);
    let options = optionsByFolder.get(folderPath);
    if (!options) {
      const folder = request.useConfig ? settings.forFile(fsPath).settings : undefined;
      options = {
        // No prototype: a code is looked up as an own key, never one an object inherits.
        severityOverrides: Object.assign(Object.create(null) as Record<string, SeveritySetting>, folder?.diagnostics.severity, request.rules),
        maxFileSize: request.maxFileSize ?? folder?.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
      };
      optionsByFolder.set(folderPath, options);
    }
    return options;
  };

  // One pass over the files: read, classify, parse, index. The reads are synchronous: for the
  // small files node files are, a callback or promise read costs several times the CPU of the
  // read itself (docs/performance.md, figure (g)), and the walk has already found every file.
  const workspace = new Workspace();
  const files: LoadedFile[] = [];
  const foreign: SkippedFile[] = [];
  for (const fsPath of inputs.files) {
    const options = optionsFor(fsPath);
    const read = readNodeText(fsPath, options.maxFileSize);
    const file: LoadedFile = { path: fsPath, display: displayPath(fsPath), uri: fileUri(fsPath), diagnostics: [], options };
    if (read.kind === 'text') {
      // The editor's verdict on the text, before it is parsed: another program's file is never a node.
      const reasons = foreignReasons(read.text);
      if (reasons) {
        foreign.push({ display: file.display, reasons });
        continue;
      }
      file.node = parseNodeFile(file.uri, read.text);
      workspace.set(file.node);
    } else if (read.kind === 'too-large') {
      file.notChecked = `${formatBytes(read.size)}, more than the ${formatBytes(options.maxFileSize)} of --max-file-size (icewarp.maxFileSize); not checked`;
      file.diagnostics = tooLarge(read.size, options);
    } else {
      file.notChecked = await whyUnreadable(fsPath);
    }
    if (file.notChecked) problems.push({ path: fsPath, reason: file.notChecked });
    files.push(file);
  }

  const validateFile = (node: NodeFile, file: LoadedFile) => check(node, workspace, file.options, (code) => internalErrors.add(`rule ${code} failed on ${file.display}`));

  const fixes: FixReport[] = [];
  if (request.fix !== 'none') {
    for (const file of files) {
      const original = file.node;
      if (!original) continue;
      const before = validateFile(original, file);
      // No problem, no fix: and fix-all costs a copy of the workspace per file.
      if (before.length === 0) continue;
      const text = fixedText(original, workspace, file.options);
      if (text === original.text) continue;
      const fixed = parseNode(file.path, text);
      workspace.set(fixed);
      const report: FixReport = { display: file.display, fixed: removedCodes(before, validateFile(fixed, file)) };
      if (request.fix === 'dry-run') {
        const diff = unifiedDiff(file.display, original.text, text);
        report.diff = diff.text;
        // The diff is not the whole fix: applying it leaves those lines as they are.
        if (diff.notApplicable.length > 0) {
          const lines = diff.notApplicable.length === 1 ? `line ${diff.notApplicable[0]}` : `lines ${diff.notApplicable.join(', ')}`;
          problems.push({ path: file.path, reason: `the fix of ${lines} is not applicable from the diff: it contains a password, which the diff masks; --fix writes it` });
        }
      } else {
        const outcome = await writeFixed(file.path, original.text, text).catch((error: unknown) => ({ written: false as const, reason: `could not be written: ${describeError(error)}` }));
        if (!outcome.written) {
          report.notWritten = outcome.reason;
          problems.push({ path: file.path, reason: `not fixed: ${outcome.reason}` });
        }
      }
      if (report.notWritten) workspace.set(original);
      else file.node = fixed;
      fixes.push(report);
    }
  }

  // Only the reports stay: each node is let go once it is validated (the workspace still holds it for its peers).
  for (const file of files) {
    if (file.node) file.diagnostics = validateFile(file.node, file);
    file.node = undefined;
  }
  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    files: files.map(({ path, display, uri, diagnostics, notChecked }) => ({ path, display, uri, diagnostics, ...(notChecked ? { notChecked } : {}) })),
    foreign,
    problems,
    fixes,
    internalErrors: [...internalErrors],
  };
}

/** Codes present before and gone after, one per problem (`whitespace` twice for two lines). */
function removedCodes(before: readonly ServiceDiagnostic[], after: readonly ServiceDiagnostic[]): string[] {
  const left = new Map<string, number>();
  for (const diagnostic of after) left.set(diagnostic.code, (left.get(diagnostic.code) ?? 0) + 1);
  const removed: string[] = [];
  for (const diagnostic of before) {
    const count = left.get(diagnostic.code) ?? 0;
    if (count > 0) left.set(diagnostic.code, count - 1);
    else removed.push(diagnostic.code);
  }
  return removed;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
