// A `vscode` module for unit tests of the client: importing this file makes `require('vscode')`
// answer with a small, working stand-in, so the client's tree items, commands and notices run
// outside VS Code. It records what the user would see (notifications with their buttons and
// details, input boxes, quick picks, status items) and translates `vscode.l10n.t` with whatever
// bundle a test sets, as VS Code does with the extension's l10n/bundle.l10n.<language>.json.
// Anything a module touches that is not modelled here is an inert stub (as testing/vscodeStub.ts
// gives the bench), so a module loads even where a test does not exercise that part.
import Module from 'node:module';
import { promises as fs } from 'node:fs';
import { TextDocument as TextModel } from 'vscode-languageserver-textdocument';
import { URI, Utils } from 'vscode-uri';
import { formatMessage } from './pseudoLocale';

/** What a notification showed: its kind, message, modal detail and buttons. */
export interface ShownMessage {
  kind: 'information' | 'warning' | 'error';
  message: string;
  detail?: string;
  buttons: string[];
}

export interface ShownInputBox {
  title?: string;
  prompt?: string;
  placeHolder?: string;
  /** What validateInput answered for each value the test typed. */
  problems: (string | undefined)[];
}

export interface ShownQuickPick {
  title?: string;
  placeHolder?: string;
  items: { label: string; description?: string; detail?: string }[];
}

/** What the fake recorded and how it answers; a test resets it with `resetFake()`. */
export const fake = {
  /** `vscode.l10n.t`'s bundle (message -> translation); empty: English. */
  bundle: {} as Record<string, string>,
  messages: [] as ShownMessage[],
  inputBoxes: [] as ShownInputBox[],
  quickPicks: [] as ShownQuickPick[],
  statusItems: [] as { name?: string; text: string; detail?: string; command?: { title: string; tooltip?: string } }[],
  /** Answers the next notification with this button (undefined: dismissed). */
  answerMessage: (_message: ShownMessage): string | undefined => undefined,
  /** What an input box returns after validating each of `typed` (undefined: cancelled). */
  answerInputBox: (_box: ShownInputBox): { typed: string[]; value: string | undefined } => ({ typed: [], value: undefined }),
  /** Settings by section and key, for getConfiguration. */
  settings: {} as Record<string, Record<string, unknown>>,
  textDocuments: [] as FakeDocument[],
  activeDocument: undefined as FakeDocument | undefined,
  /** What workspace.findFiles finds. */
  foundFiles: [] as URI[],
  /** The titles of the progress notifications shown. */
  progressTitles: [] as string[],
};

export function resetFake(bundle: Record<string, string> = {}): void {
  fake.bundle = bundle;
  fake.messages = [];
  fake.inputBoxes = [];
  fake.quickPicks = [];
  fake.statusItems = [];
  fake.answerMessage = () => undefined;
  fake.answerInputBox = () => ({ typed: [], value: undefined });
  fake.settings = {};
  fake.textDocuments = [];
  fake.activeDocument = undefined;
  fake.foundFiles = [];
  fake.progressTitles = [];
}

/** An open document: its text in memory (edits make it dirty), the disk's until then. */
export class FakeDocument {
  private model: TextModel;
  isDirty: boolean;
  constructor(
    readonly uri: URI,
    public languageId: string,
    text = '',
    isDirty = false,
  ) {
    this.model = TextModel.create(uri.toString(), languageId, 1, text);
    this.isDirty = isDirty;
  }
  get version(): number {
    return this.model.version;
  }
  get eol(): number {
    return this.model.getText().includes('\r\n') ? 2 : 1;
  }
  getText(): string {
    return this.model.getText();
  }
  offsetAt(position: { line: number; character: number }): number {
    return this.model.offsetAt(position);
  }
  positionAt(offset: number): Position {
    const { line, character } = this.model.positionAt(offset);
    return new Position(line, character);
  }
  replace(edits: { range: Range; newText: string }[]): void {
    this.model = TextModel.update(this.model, edits.map((each) => ({ range: each.range, text: each.newText })), this.model.version + 1);
    this.isDirty = true;
  }
  async save(): Promise<boolean> {
    if (this.uri.scheme === 'file') await fs.writeFile(this.uri.fsPath, this.getText());
    this.isDirty = false;
    return true;
  }
}

export function fakeDocument(uri: string, languageId: string, isDirty = false, text = ''): FakeDocument {
  return new FakeDocument(URI.parse(uri), languageId, text, isDirty);
}

/** The open document of a URI, opened from the disk on first use (as VS Code's openTextDocument). */
async function documentOf(uri: URI): Promise<FakeDocument> {
  const open = fake.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) return open;
  const document = new FakeDocument(uri, uri.path.endsWith('/path.dat') || uri.path.endsWith('/path.cfg') ? 'icewarp-pathcfg' : 'plaintext', await fs.readFile(uri.fsPath, 'utf8'));
  fake.textDocuments.push(document);
  return document;
}

/** A thenable that resolves at once, as VS Code's notifications do once answered. */
const answered = <T>(value: T): Promise<T> => Promise.resolve(value);

class Disposable {
  constructor(private readonly onDispose: () => void = () => undefined) {}
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((item) => item.dispose()));
  }
  dispose(): void {
    this.onDispose();
  }
}

class EventEmitter<T> {
  private listeners: ((value: T) => void)[] = [];
  readonly event = (listener: (value: T) => void): Disposable => {
    this.listeners.push(listener);
    return new Disposable(() => (this.listeners = this.listeners.filter((each) => each !== listener)));
  };
  fire(value: T): void {
    for (const listener of this.listeners) listener(value);
  }
  dispose(): void {
    this.listeners = [];
  }
}

class TreeItem {
  id?: string;
  description?: string;
  tooltip?: string | MarkdownString;
  iconPath?: unknown;
  contextValue?: string;
  resourceUri?: URI;
  command?: { title: string; command: string; arguments?: unknown[] };
  constructor(
    readonly label: string,
    readonly collapsibleState?: number,
  ) {}
}

class MarkdownString {
  value = '';
  appendText(text: string): this {
    this.value += text;
    return this;
  }
  appendMarkdown(text: string): this {
    this.value += text;
    return this;
  }
}

class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: unknown,
  ) {}
}

class ThemeColor {
  constructor(readonly id: string) {}
}

class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

class TextEdit {
  constructor(
    readonly range: Range,
    readonly newText: string,
  ) {}
}

class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(startLine: number | Position, startCharacter: number | Position, endLine?: number, endCharacter?: number) {
    this.start = startLine instanceof Position ? startLine : new Position(startLine, startCharacter as number);
    this.end = startCharacter instanceof Position ? startCharacter : new Position(endLine ?? 0, endCharacter ?? 0);
  }
}

class FileDecoration {
  constructor(
    readonly badge?: string,
    readonly tooltip?: string,
    readonly color?: unknown,
  ) {}
}

/** The edits asked for, in order; applyEdit applies them to the open documents (opening them from the disk). */
class WorkspaceEdit {
  readonly operations: ({ kind: 'create'; uri: URI; text: string } | { kind: 'delete'; uri: URI } | { kind: 'edit'; uri: URI; range: Range; newText: string })[] = [];
  createFile(uri: URI, options: { contents?: Uint8Array } = {}): void {
    this.operations.push({ kind: 'create', uri, text: options.contents ? new TextDecoder().decode(options.contents) : '' });
  }
  deleteFile(uri: URI): void {
    this.operations.push({ kind: 'delete', uri });
  }
  replace(uri: URI, range: Range, newText: string): void {
    this.operations.push({ kind: 'edit', uri, range, newText });
  }
}

async function applyEdit(edit: WorkspaceEdit): Promise<boolean> {
  const byDocument = new Map<FakeDocument, { range: Range; newText: string }[]>();
  for (const operation of edit.operations) {
    if (operation.kind === 'create') fake.textDocuments.push(new FakeDocument(operation.uri, 'icewarp-pathcfg', operation.text, true));
    else if (operation.kind === 'delete') fake.textDocuments = fake.textDocuments.filter((document) => document.uri.toString() !== operation.uri.toString());
    else {
      const document = await documentOf(operation.uri);
      byDocument.set(document, [...(byDocument.get(document) ?? []), operation]);
    }
  }
  for (const [document, edits] of byDocument) document.replace(edits);
  return true;
}

/** vscode.Uri is vscode-uri's URI: `x instanceof vscode.Uri` holds for every URI made here. */
class Uri {
  static parse = (value: string) => URI.parse(value);
  static file = (path: string) => URI.file(path);
  static from = (components: { scheme: string; path?: string; query?: string }) => URI.from(components);
  static joinPath = (base: URI, ...segments: string[]) => Utils.joinPath(base, ...segments);
  static [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof URI;
  }
}

function message(kind: ShownMessage['kind']) {
  return (text: string, ...rest: unknown[]): Promise<string | undefined> => {
    const options = typeof rest[0] === 'object' && rest[0] !== null ? (rest.shift() as { detail?: string }) : undefined;
    const shown: ShownMessage = { kind, message: text, ...(options?.detail ? { detail: options.detail } : {}), buttons: rest.filter((button): button is string => typeof button === 'string') };
    fake.messages.push(shown);
    return answered(fake.answerMessage(shown));
  };
}

const window = {
  showInformationMessage: message('information'),
  showWarningMessage: message('warning'),
  showErrorMessage: message('error'),
  async showInputBox(options: { title?: string; prompt?: string; placeHolder?: string; validateInput?: (value: string) => Promise<string | undefined> | string | undefined }) {
    const box: ShownInputBox = { title: options.title, prompt: options.prompt, placeHolder: options.placeHolder, problems: [] };
    fake.inputBoxes.push(box);
    const { typed, value } = fake.answerInputBox(box);
    for (const each of typed) box.problems.push((await options.validateInput?.(each)) ?? undefined);
    return value;
  },
  async showQuickPick<T extends { label: string; description?: string; detail?: string }>(items: T[], options: { title?: string; placeHolder?: string } = {}) {
    fake.quickPicks.push({ title: options.title, placeHolder: options.placeHolder, items: items.map(({ label, description, detail }) => ({ label, description, detail })) });
    return undefined;
  },
  get activeTextEditor() {
    return fake.activeDocument ? { document: fake.activeDocument } : undefined;
  },
  onDidChangeActiveTextEditor: () => new Disposable(),
  showTextDocument: async () => undefined,
  tabGroups: { all: [] as unknown[], close: async () => true },
  async withProgress<T>(options: { title?: string }, task: (progress: { report(value: unknown): void }) => Promise<T>): Promise<T> {
    fake.progressTitles.push(options.title ?? '');
    return task({ report: () => undefined });
  },
  registerFileDecorationProvider: () => new Disposable(),
};

const workspace = {
  asRelativePath: (target: URI | string) => (typeof target === 'string' ? target : target.scheme === 'file' ? target.fsPath : target.path),
  get textDocuments() {
    return fake.textDocuments;
  },
  getConfiguration(section?: string) {
    const values = fake.settings[section ?? ''] ?? {};
    return {
      get: <T>(key: string, fallback?: T) => (key in values ? (values[key] as T) : fallback),
      inspect: () => undefined,
      update: async () => undefined,
    };
  },
  getWorkspaceFolder: () => ({ uri: URI.file('/workspace'), name: 'workspace', index: 0 }),
  workspaceFolders: [] as unknown[],
  applyEdit,
  findFiles: async () => fake.foundFiles,
  openTextDocument: async (target?: URI) => (target instanceof URI && target.scheme === 'file' ? documentOf(target) : undefined),
  onDidChangeConfiguration: () => new Disposable(),
  onDidOpenTextDocument: () => new Disposable(),
  onDidChangeWorkspaceFolders: () => new Disposable(),
  registerTextDocumentContentProvider: () => new Disposable(),
  createFileSystemWatcher: () => ({ onDidChange: () => new Disposable(), onDidCreate: () => new Disposable(), onDidDelete: () => new Disposable(), dispose: () => undefined }),
  fs: {
    stat: async (uri: URI) => {
      if (fake.textDocuments.some((document) => document.uri.toString() === uri.toString())) return { type: 1, size: 1 };
      if (uri.scheme !== 'file') return { type: 1, size: 1 };
      const stat = await fs.stat(uri.fsPath);
      return { type: stat.isDirectory() ? 2 : 1, size: stat.size };
    },
    readFile: async (uri: URI) => new Uint8Array(await fs.readFile(uri.fsPath)),
    isWritableFileSystem: () => true,
  },
};

const languages = {
  createLanguageStatusItem(id: string) {
    const item = { id, name: undefined as string | undefined, text: '', detail: undefined as string | undefined, command: undefined as { title: string; tooltip?: string } | undefined, dispose: () => undefined };
    fake.statusItems.push(item);
    return item;
  },
  setTextDocumentLanguage: async (document: FakeDocument, languageId: string) => {
    document.languageId = languageId;
    return document;
  },
  match: () => 0,
};

const l10n = {
  t(messageOrOptions: string | { message: string; args?: unknown[] }, ...args: unknown[]): string {
    const message = typeof messageOrOptions === 'string' ? messageOrOptions : messageOrOptions.message;
    const values = typeof messageOrOptions === 'string' ? args : (messageOrOptions.args ?? []);
    return formatMessage(fake.bundle[message] ?? message, values);
  },
};

/** Anything else: callable, constructible, every property itself (enough to load a module). */
const inert: unknown = new Proxy(function inert() {}, {
  get: (_target, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : key === 'prototype' ? {} : inert),
  apply: () => inert,
  construct: () => inert as object,
});

const modelled: Record<string, unknown> = {
  Disposable,
  EventEmitter,
  TreeItem,
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  MarkdownString,
  ThemeIcon,
  ThemeColor,
  Position,
  Range,
  TextEdit,
  EndOfLine: { LF: 1, CRLF: 2 },
  FileDecoration,
  WorkspaceEdit,
  Uri,
  ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  FilePermission: { Readonly: 1 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  window,
  workspace,
  languages,
  l10n,
  commands: { registerCommand: () => new Disposable(), executeCommand: async () => undefined },
  env: { clipboard: { writeText: async () => undefined }, language: 'en' },
};

const vscode = new Proxy(modelled, { get: (target, key) => (typeof key === 'string' && key in target ? target[key] : inert) });

// Node's resolver has no public hook for a module that is not on disk; the bench's stub does the same.
type ModuleInternals = { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const internals = Module as unknown as ModuleInternals;
const resolve = internals._resolveFilename;
internals._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode } as unknown as NodeJS.Module;
