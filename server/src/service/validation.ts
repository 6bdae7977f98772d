// Validation: every rule run over one parsed node file, its findings capped and ordered into
// diagnostics (with the fixes the light bulb and fix-all read). Protocol-free.
import { t } from './l10n';
import { MAX_READABLE_FILE_SIZE } from '../../../common/fileRequests';
import { SeveritySetting } from '../../../common/protocol';
import { utf8ByteLength } from '../../../common/utf8';
import { NodeFile, parseNodeFile } from './parse';
import { DIAGNOSTIC_CODES, DiagnosticCode } from './rules/codes';
import { LineShift, isShiftedLine, shiftOf } from './lineShift';
import { RULES } from './rules/registry';
import type { FixOffer } from './rules/fix';
import { Finding, MAX_DIAGNOSTICS_PER_FILE, MAX_FINDINGS_PER_RULE, MAX_RELATED, RelatedLocation } from './rules/rule';
import { Range, Severity } from './types';
import { Workspace, WorkspaceFacts } from './workspace';

export interface ServiceDiagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  range: Range;
  related?: RelatedLocation[];
  tags?: ('unnecessary' | 'deprecated')[];
}

/** A diagnostic with the quick fixes its rule offers (the light bulb and fix-all read them; publishing does not). */
export interface DiagnosticWithFixes extends ServiceDiagnostic {
  fixes: readonly FixOffer[];
}

export interface ValidationOptions {
  /** Per-code severity from settings; `off` drops the code. */
  severityOverrides?: Readonly<Record<string, SeveritySetting>>;
  /** Bytes; a larger file gets one `file-too-large` diagnostic instead of validation. */
  maxFileSize?: number;
  /** Called when a rule throws, so one broken rule never hides the others' findings. */
  onRuleError?: (code: DiagnosticCode, error: unknown) => void;
  /**
   * Every line's own findings even in a file shifted by one line: what each line holds as
   * IceWarp reads it. The fix trial's baseline for the fix that moves the lines back.
   */
  ignoreShift?: boolean;
}

/** Findings about the whole file, true whether or not its lines are shifted. */
const ABOUT_THE_WHOLE_FILE: ReadonlySet<DiagnosticCode> = new Set(['lines-shifted', 'mixed-line-endings']);

/**
 * The shift `lines-shifted` reports, if it does: then the shifted lines get no finding of their
 * own (a value read as the wrong field is not wrong in itself, and a fix for it would write into
 * the wrong line, say a Server ID into the inserted empty line).
 */
function reportedShift(node: NodeFile, options: ValidationOptions): LineShift | undefined {
  if (options.ignoreShift || options.severityOverrides?.['lines-shifted'] === 'off') return undefined;
  return shiftOf(node);
}

/** The findings of a rule, less those on lines a reported shift covers. */
function outsideShift(code: DiagnosticCode, findings: Finding[], shift: LineShift | undefined): Finding[] {
  if (!shift || ABOUT_THE_WHOLE_FILE.has(code)) return findings;
  return findings.filter((finding) => !isShiftedLine(shift, finding.range.start.line));
}

export function validate(node: NodeFile, workspace: WorkspaceFacts, options: ValidationOptions = {}): ServiceDiagnostic[] {
  return diagnose(node, workspace, options).map(({ fixes: _fixes, ...diagnostic }) => diagnostic);
}

/** Every rule's findings for the node, as diagnostics that carry their fixes. */
export function diagnose(node: NodeFile, workspace: WorkspaceFacts, options: ValidationOptions = {}): DiagnosticWithFixes[] {
  const overrides = options.severityOverrides ?? {};
  const size = utf8ByteLength(node.text);
  if (options.maxFileSize !== undefined && size > options.maxFileSize) return tooLargeDiagnostics(size, options.maxFileSize, overrides).map((diagnostic) => ({ ...diagnostic, fixes: [] }));
  const diagnostics: DiagnosticWithFixes[] = [];
  const shift = reportedShift(node, options);
  for (const rule of RULES) {
    if (overrides[rule.code] === 'off') continue;
    let findings: Finding[];
    try {
      findings = outsideShift(rule.code, rule.check({ node, workspace }), shift);
    } catch (error) {
      options.onRuleError?.(rule.code, error);
      continue;
    }
    for (const finding of findings.slice(0, MAX_FINDINGS_PER_RULE)) {
      const severity = effectiveSeverity(rule.code, finding.severity, overrides);
      if (!severity) continue;
      const related = finding.related ?? [];
      const unlisted = Math.max(finding.relatedCount ?? 0, related.length) - MAX_RELATED;
      diagnostics.push({
        code: rule.code,
        severity,
        message: unlisted > 0 ? t('{0} ({1} related locations listed, {2} more not shown)', finding.message, MAX_RELATED, unlisted) : finding.message,
        range: finding.range,
        ...(related.length > 0 ? { related: unlisted > 0 ? related.slice(0, MAX_RELATED) : related } : {}),
        ...(finding.tags?.length ? { tags: finding.tags } : {}),
        fixes: finding.fixes ?? [],
      });
    }
  }
  return keepPerFile(diagnostics).sort(compareByPosition);
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/**
 * At most MAX_DIAGNOSTICS_PER_FILE: the first of every code (so each kind of problem shows),
 * then the rest by severity, errors first, and position.
 */
function keepPerFile<T extends ServiceDiagnostic>(diagnostics: T[]): T[] {
  if (diagnostics.length <= MAX_DIAGNOSTICS_PER_FILE) return diagnostics;
  const ranked = [...diagnostics].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || compareByPosition(a, b));
  const kept = new Set<T>();
  const codes = new Set<string>();
  for (const diagnostic of ranked) {
    if (codes.has(diagnostic.code)) continue;
    codes.add(diagnostic.code);
    kept.add(diagnostic);
  }
  for (const diagnostic of ranked) {
    if (kept.size >= MAX_DIAGNOSTICS_PER_FILE) break;
    kept.add(diagnostic);
  }
  return [...kept];
}

/**
 * The findings of one code only (the light bulb asks about one diagnostic), whatever the
 * severity settings say of that code: the editor showed the diagnostic, so its fixes are
 * wanted. Lines a reported shift covers have none (the settings say whether it is reported).
 */
export function findingsOf(node: NodeFile, workspace: WorkspaceFacts, code: DiagnosticCode, options: ValidationOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const shift = reportedShift(node, options);
  for (const rule of RULES) {
    if (rule.code !== code) continue;
    try {
      findings.push(...outsideShift(code, rule.check({ node, workspace }), shift).slice(0, MAX_FINDINGS_PER_RULE));
    } catch {
      // A rule that throws offers nothing; validate() reports the error.
    }
  }
  return findings;
}

/** The one finding for a file too large to validate (its text need not have been read). */
export function tooLargeDiagnostics(size: number, maxFileSize: number, overrides: Readonly<Record<string, SeveritySetting>> = {}): ServiceDiagnostic[] {
  const severity = effectiveSeverity('file-too-large', undefined, overrides);
  if (!severity) return [];
  return [
    {
      code: 'file-too-large',
      severity,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message:
        size > maxFileSize
          ? t('This file has {0}, more than the {1} set in icewarp.maxFileSize, so it is not validated. A real path.cfg is under 1 KB.', formatBytes(size), formatBytes(maxFileSize))
          : // Under the setting but over what can be read at all.
            t('This file has {0}, more than the {1} a file can be read in, so it is not validated. A real path.cfg is under 1 KB.', formatBytes(size), formatBytes(MAX_READABLE_FILE_SIZE)),
    },
  ];
}

/** Validates one text on its own, as if it were the only node: for tests and tools. */
export function validateText(text: string, uri = 'untitled:path.cfg', options: ValidationOptions = {}): ServiceDiagnostic[] {
  const workspace = new Workspace();
  const node = parseNodeFile(uri, text);
  workspace.set(node);
  return validate(node, workspace, options);
}

function effectiveSeverity(code: DiagnosticCode, raised: Severity | undefined, overrides: Readonly<Record<string, SeveritySetting>>): Severity | undefined {
  const override = overrides[code];
  if (override === 'off') return undefined;
  return override ?? raised ?? DIAGNOSTIC_CODES[code].severity;
}

function compareByPosition(a: ServiceDiagnostic, b: ServiceDiagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}
