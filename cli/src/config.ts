// The editor's settings for a node file: the nearest `.vscode/settings.json` above it, read as VS
// Code reads it (JSON with comments and trailing commas; `"icewarp.x.y": v` and nested
// `"icewarp": { "x": ... }` alike), validated by the editor's own schema. So CI and the editor agree.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ParseError, parse, printParseErrorCode } from 'jsonc-parser';
import { Settings, parseSettings } from '../../common/protocol';
import { isRecord } from '../../common/isRecord';

export interface FolderSettings {
  /** The settings file that applies, if any. */
  file?: string;
  settings: Settings;
}

/**
 * Synchronous on purpose: 10,000 node files in 12,000 folders means as many failed opens of
 * `.vscode/settings.json`, which cost 0.7 s through fs.promises and a tenth of that here.
 */
export class SettingsReader {
  private readonly byFolder = new Map<string, FolderSettings>();

  /**
   * @param warn one line per problem in a settings file, each file reported once
   * @param listed folders whose entries are known already, and those of them that hold `.vscode`
   */
  constructor(
    private readonly warn: (message: string) => void,
    private readonly listed: { all: ReadonlySet<string>; withVscode: ReadonlySet<string> } = { all: new Set(), withVscode: new Set() },
  ) {}

  /** The settings for a node file: those of the nearest `.vscode/settings.json` in its folder or above. */
  forFile(fsPath: string): FolderSettings {
    return this.forFolder(path.dirname(path.resolve(fsPath)));
  }

  private forFolder(folder: string): FolderSettings {
    let settings = this.byFolder.get(folder);
    if (!settings) {
      settings = this.load(folder);
      this.byFolder.set(folder, settings);
    }
    return settings;
  }

  private load(folder: string): FolderSettings {
    const file = path.join(folder, '.vscode', 'settings.json');
    let text: string | undefined;
    // Most folders have none: knowing or asking first spares an exception per folder.
    const mayHave = this.listed.all.has(folder) ? this.listed.withVscode.has(folder) : existsSync(file);
    if (mayHave) {
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        // Not one we may read: the folder above decides.
      }
    }
    if (text === undefined) {
      const parent = path.dirname(folder);
      return parent === folder ? { settings: parseSettings(undefined).settings } : this.forFolder(parent);
    }
    const errors: ParseError[] = [];
    const root: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
    const shown = path.relative(process.cwd(), file) || file;
    for (const error of errors.slice(0, 1)) {
      const line = text.slice(0, error.offset).split('\n').length;
      this.warn(`${shown}:${line}: ${printParseErrorCode(error.error)}; reading what can be read, as VS Code does`);
    }
    const { settings, problems } = parseSettings(icewarpSection(root));
    for (const problem of problems) this.warn(`${shown}: invalid setting ${problem.setting} (${problem.message}); using its default`);
    return { file, settings };
  }
}

/** `{ "icewarp.a.b": 1, "icewarp": { "c": 2 } }` -> `{ a: { b: 1 }, c: 2 }`, as VS Code merges them. */
export function icewarpSection(root: unknown): Record<string, unknown> | undefined {
  if (!isRecord(root)) return undefined;
  let section: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(root)) {
    if (key !== 'icewarp' && !key.startsWith('icewarp.')) continue;
    section ??= {};
    const dotted = key === 'icewarp' ? [] : key.slice('icewarp.'.length).split('.');
    if (dotted.length === 0) {
      if (isRecord(value)) merge(section, value);
      continue;
    }
    let target = section;
    for (const part of dotted.slice(0, -1)) {
      const next = target[part];
      target = target[part] = isRecord(next) ? next : {};
    }
    const last = dotted[dotted.length - 1];
    const existing = target[last];
    if (isRecord(existing) && isRecord(value)) merge(existing, value);
    else target[last] = value;
  }
  return section;
}

function merge(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isRecord(existing) && isRecord(value)) merge(existing, value);
    else target[key] = value;
  }
}
