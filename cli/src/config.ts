// The editor's settings for a node file: the nearest `.vscode/settings.json` above it, read as VS
// Code reads it (JSON with comments and trailing commas; `"icewarp.x.y": v` and nested
// `"icewarp": { "x": ... }` alike), validated by the editor's own schema. So CI and the editor agree.
//
// A settings file is input from anyone who can open a pull request: its objects are built
// without prototypes, so a key `__proto__`, `constructor` or `prototype`, dotted or nested, is
// a key like any other and never reaches Object.prototype (where one folder's
// `"icewarp.__proto__.server-id-too-long": "off"` switched that check off for every file of the
// run); a file nested too deep to read is named and its folder uses the defaults.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { JSONVisitor, ParseError, printParseErrorCode, visit } from 'jsonc-parser';
import { Settings, parseSettings } from '../../common/protocol';
import { isRecord } from '../../common/isRecord';
import { forFs } from '../../server/src/host/diskNodeFiles';

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
    const mayHave = this.listed.all.has(folder) ? this.listed.withVscode.has(folder) : existsSync(forFs(file));
    if (mayHave) {
      try {
        text = readFileSync(forFs(file), 'utf8');
      } catch {
        // Not one we may read: the folder above decides.
      }
    }
    if (text === undefined) {
      const parent = path.dirname(folder);
      return parent === folder ? { settings: parseSettings(undefined).settings } : this.forFolder(parent);
    }
    const shown = path.relative(process.cwd(), file) || file;
    try {
      const errors: ParseError[] = [];
      const root = parseWithoutPrototypes(text, errors);
      for (const error of errors.slice(0, 1)) {
        const line = text.slice(0, error.offset).split('\n').length;
        this.warn(`${shown}:${line}: ${printParseErrorCode(error.error)}; reading what can be read, as VS Code does`);
      }
      const { settings, problems } = parseSettings(icewarpSection(root));
      for (const problem of problems) this.warn(`${shown}: invalid setting ${problem.setting} (${problem.message}); using its default`);
      return { file, settings };
    } catch (error) {
      // The parser descends once per level: 100,000 nested arrays exhaust the stack. That file
      // alone is set aside, the run goes on.
      if (!(error instanceof RangeError)) throw error;
      this.warn(`${shown}: nested too deeply to be read; using the default settings`);
      return { file, settings: parseSettings(undefined).settings };
    }
  }
}

/** A prototype-free object: `__proto__` is a key of it like any other. */
function bareObject(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

/** jsonc-parser's `parse`, every object built without a prototype (its own builds `{}` and sets `__proto__` through). */
function parseWithoutPrototypes(text: string, errors: ParseError[]): unknown {
  let property: string | undefined;
  let parent: Record<string, unknown> | unknown[] = [];
  const parents: (Record<string, unknown> | unknown[])[] = [];
  const add = (value: unknown) => {
    if (Array.isArray(parent)) parent.push(value);
    else if (property !== undefined) parent[property] = value;
  };
  const open = (container: Record<string, unknown> | unknown[]) => {
    add(container);
    parents.push(parent);
    parent = container;
    property = undefined;
  };
  const close = () => {
    parent = parents.pop() ?? [];
  };
  const visitor: JSONVisitor = {
    onObjectBegin: () => open(bareObject()),
    onObjectProperty: (name) => {
      property = name;
    },
    onObjectEnd: close,
    onArrayBegin: () => open([]),
    onArrayEnd: close,
    onLiteralValue: add,
    onError: (error, offset, length) => {
      errors.push({ error, offset, length });
    },
  };
  const root: unknown[] = [];
  parent = root;
  visit(text, visitor, { allowTrailingComma: true, disallowComments: false });
  return root[0];
}

/** `{ "icewarp.a.b": 1, "icewarp": { "c": 2 } }` -> `{ a: { b: 1 }, c: 2 }`, as VS Code merges them. */
export function icewarpSection(root: unknown): Record<string, unknown> | undefined {
  if (!isRecord(root)) return undefined;
  let section: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(root)) {
    if (key !== 'icewarp' && !key.startsWith('icewarp.')) continue;
    section ??= bareObject();
    const dotted = key === 'icewarp' ? [] : key.slice('icewarp.'.length).split('.');
    if (dotted.length === 0) {
      if (isRecord(value)) merge(section, value);
      continue;
    }
    let target = section;
    for (const part of dotted.slice(0, -1)) {
      const next = ownValue(target, part);
      target = target[part] = isRecord(next) ? next : bareObject();
    }
    const last = dotted[dotted.length - 1];
    const existing = ownValue(target, last);
    if (isRecord(existing) && isRecord(value)) merge(existing, value);
    else target[last] = value;
  }
  return section;
}

/** A key's own value: never one inherited (`constructor` of an object that has a prototype). */
function ownValue(object: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

function merge(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = ownValue(target, key);
    if (isRecord(existing) && isRecord(value)) merge(existing, value);
    else target[key] = value;
  }
}
