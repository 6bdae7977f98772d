// Types shared by the client and the server: the settings schema and the custom requests.
// Both sides import this file; esbuild bundles it into each.
import { z } from 'zod';

export const LANGUAGE_ID = 'icewarp-pathcfg';
export const DIAGNOSTIC_SOURCE = 'icewarp';
/** File names that are this language (real installs name it path.dat, the console says path.cfg). */
export const NODE_FILE_NAMES = ['path.cfg', 'path.dat'] as const;
export const NODE_FILE_GLOB = '**/{path.cfg,path.dat}';

export const severitySettingSchema = z.enum(['error', 'warning', 'information', 'hint', 'off']);
export type SeveritySetting = z.infer<typeof severitySettingSchema>;

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

/** The `icewarp` settings section, as the server reads it per resource. */
export const settingsSchema = z.object({
  validate: z.object({ enable: z.boolean() }),
  diagnostics: z.object({ severity: z.record(z.string(), severitySettingSchema) }),
  maxFileSize: z.number().nonnegative(),
  inlayHints: z.object({ enable: z.boolean() }),
  trace: z.object({ server: z.enum(['off', 'messages', 'verbose']) }),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  validate: { enable: true },
  diagnostics: { severity: {} },
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
  inlayHints: { enable: true },
  trace: { server: 'off' },
};

export interface SettingsProblem {
  /** Dotted setting name, e.g. `icewarp.diagnostics.severity.whitespace`. */
  setting: string;
  message: string;
}

/**
 * Validates the raw section field by field, so one bad value falls back to its default
 * without discarding the user's other settings.
 */
export function parseSettings(raw: unknown): { settings: Settings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const section = isRecord(raw) ? raw : {};
  if (raw !== undefined && raw !== null && !isRecord(raw)) {
    problems.push({ setting: 'icewarp', message: 'expected an object' });
  }
  const pick = <T>(name: string, schema: z.ZodType<T>, value: unknown, fallback: T): T => {
    if (value === undefined) return fallback;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    problems.push({ setting: `icewarp.${name}`, message: result.error.issues.map((i) => i.message).join('; ') });
    return fallback;
  };
  const validate = isRecord(section.validate) ? section.validate : {};
  const diagnostics = isRecord(section.diagnostics) ? section.diagnostics : {};
  const inlayHints = isRecord(section.inlayHints) ? section.inlayHints : {};
  const trace = isRecord(section.trace) ? section.trace : {};

  const severity: Record<string, SeveritySetting> = {};
  const rawSeverity = diagnostics.severity;
  if (rawSeverity !== undefined && !isRecord(rawSeverity)) {
    problems.push({ setting: 'icewarp.diagnostics.severity', message: 'expected an object mapping codes to severities' });
  } else if (rawSeverity) {
    for (const [code, value] of Object.entries(rawSeverity)) {
      const parsed = severitySettingSchema.safeParse(value);
      if (parsed.success) severity[code] = parsed.data;
      else problems.push({ setting: `icewarp.diagnostics.severity.${code}`, message: `expected one of error, warning, information, hint, off` });
    }
  }

  const settings: Settings = {
    validate: { enable: pick('validate.enable', z.boolean(), validate.enable, DEFAULT_SETTINGS.validate.enable) },
    diagnostics: { severity },
    maxFileSize: pick('maxFileSize', z.number().nonnegative(), section.maxFileSize, DEFAULT_SETTINGS.maxFileSize),
    inlayHints: { enable: pick('inlayHints.enable', z.boolean(), inlayHints.enable, DEFAULT_SETTINGS.inlayHints.enable) },
    trace: { server: pick('trace.server', z.enum(['off', 'messages', 'verbose']), trace.server, DEFAULT_SETTINGS.trace.server) },
  };
  return { settings, problems };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
