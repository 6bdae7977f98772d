// The decisions behind "IceWarp: Open IceWarp Settings File", free of the vscode API so unit tests
// can run them: which places to look in, what to do with 0, 1 or several matches, what the quick
// pick shows, and which templates a new file can start from. No Node either: the browser extension
// shares it.
import type { NodeRole } from '../../../common/protocol';
import { NODE_FILE_NAMES } from '../../../common/protocolNames';

/** Where a candidate was found; the quick pick lists workspace files first. */
export type CandidateSource = 'workspace' | 'installPath' | 'defaultInstall';

export interface SettingsFileCandidate {
  /** File system path (the identity: the same file found twice is offered once). */
  fsPath: string;
  /** The file's URI when it is on another file system than this machine's disk (a workspace in the browser). */
  uri?: string;
  source: CandidateSource;
  /** Filled in from the server's icewarp/describeFiles answer when it has one. */
  role?: NodeRole;
  hostname?: string;
  serverId?: string;
}

export interface SettingsFilePickItem {
  label: string;
  description: string;
  detail: string;
  candidate: SettingsFileCandidate;
}

export type SettingsFileChoice =
  | { kind: 'open'; candidate: SettingsFileCandidate }
  | { kind: 'pick'; items: SettingsFilePickItem[] }
  | { kind: 'create' };

/** IceWarp's default install folders (Windows, then Linux). */
export const DEFAULT_INSTALL_FOLDERS: readonly string[] = ['C:\\Program Files\\IceWarp\\', '/opt/icewarp/'];

const SETTINGS_FILE_NAMES: readonly string[] = NODE_FILE_NAMES;

/**
 * The files to check in an install folder. The setting may also name the file itself.
 * Windows-style folders are joined with `\`, others with `/`, whatever platform runs this.
 */
export function filesInInstallFolder(folder: string): string[] {
  const trimmed = folder.trim();
  if (!trimmed) return [];
  const windows = /^[A-Za-z]:|^\\\\/.test(trimmed) || (trimmed.includes('\\') && !trimmed.includes('/'));
  // Windows paths take either slash and are written with `\`.
  const base = (windows ? trimmed.replace(/\//g, '\\') : trimmed).replace(windows ? /\\+$/ : /\/+$/, '');
  const separator = windows ? '\\' : '/';
  if (SETTINGS_FILE_NAMES.includes(base.slice(base.lastIndexOf(separator) + 1).toLowerCase())) return [trimmed];
  return SETTINGS_FILE_NAMES.map((name) => `${base}${separator}${name}`);
}

/** Same file, found twice (workspace and install folder): keep the first. Case-insensitive for Windows paths. */
function dedupeCandidates(candidates: readonly SettingsFileCandidate[]): SettingsFileCandidate[] {
  const seen = new Set<string>();
  const result: SettingsFileCandidate[] = [];
  for (const candidate of candidates) {
    const windows = /^[A-Za-z]:|^\\\\/.test(candidate.fsPath);
    const key = windows ? candidate.fsPath.replace(/\//g, '\\').toLowerCase() : candidate.fsPath;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(candidate);
  }
  return result;
}

/** How the quick pick words a candidate's role, Server ID and place; English unless the caller translates. */
export interface PickWords {
  role(role: NodeRole): string;
  serverId(id: string): string;
  source(source: Exclude<CandidateSource, 'workspace'>): string;
}

const ENGLISH_WORDS: PickWords = {
  role: (role) => (role === 'unknown' ? 'role unknown' : role),
  serverId: (id) => `Server ID ${id}`,
  source: (source) => SOURCE_NAMES[source],
};

/** One match opens directly, several are offered in a quick pick, none offers a template. */
export function chooseSettingsFile(
  candidates: readonly SettingsFileCandidate[],
  describeLocation: (candidate: SettingsFileCandidate) => string = (c) => c.fsPath,
  words: PickWords = ENGLISH_WORDS,
): SettingsFileChoice {
  const unique = dedupeCandidates(candidates);
  if (unique.length === 0) return { kind: 'create' };
  if (unique.length === 1) return { kind: 'open', candidate: unique[0] };
  return { kind: 'pick', items: pickItems(unique, describeLocation, words) };
}

const ROLE_ORDER: Record<NodeRole | 'none', number> = { master: 0, slave: 1, unknown: 2, none: 3 };
const SOURCE_ORDER: Record<CandidateSource, number> = { workspace: 0, installPath: 1, defaultInstall: 2 };
const SOURCE_NAMES: Record<Exclude<CandidateSource, 'workspace'>, string> = {
  installPath: 'icewarp.installPath',
  defaultInstall: 'default install folder',
};

/** Label: the hostname (or file name); description: role and Server ID; detail: where it is. */
function pickItems(candidates: readonly SettingsFileCandidate[], describeLocation: (candidate: SettingsFileCandidate) => string, words: PickWords): SettingsFilePickItem[] {
  return [...candidates]
    .sort(
      (a, b) =>
        SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] ||
        ROLE_ORDER[a.role ?? 'none'] - ROLE_ORDER[b.role ?? 'none'] ||
        (a.hostname ?? '').localeCompare(b.hostname ?? '') ||
        a.fsPath.localeCompare(b.fsPath),
    )
    .map((candidate) => ({
      label: candidate.hostname ?? baseName(candidate.fsPath),
      description: [
        candidate.role ? words.role(candidate.role) : undefined,
        candidate.serverId ? words.serverId(candidate.serverId) : undefined,
        candidate.source === 'workspace' ? undefined : words.source(candidate.source),
      ]
        .filter((part): part is string => part !== undefined)
        .join(' · '),
      detail: describeLocation(candidate),
      candidate,
    }));
}

function baseName(fsPath: string): string {
  return fsPath.split(/[\\/]/).filter((segment) => segment.length > 0).pop() ?? fsPath;
}

export interface SettingsFileTemplate {
  /** What the quick pick shows, e.g. "Windows master node". */
  label: string;
  role: 'master' | 'slave';
  description: string;
  /** Snippet syntax (placeholders, `\\` for a backslash), for a SnippetString. */
  body: string;
}

/**
 * The whole-file templates among the snippets (`snippets/pathcfg-files.json`):
 * every snippet whose name says master or slave and "whole file". Anything malformed is skipped.
 */
export function templatesFromSnippets(json: unknown): SettingsFileTemplate[] {
  if (typeof json !== 'object' || json === null) return [];
  const templates: SettingsFileTemplate[] = [];
  for (const [name, snippet] of Object.entries(json as Record<string, unknown>)) {
    if (!/whole file/i.test(name) || typeof snippet !== 'object' || snippet === null) continue;
    const role = /\bslave\b/i.test(name) ? 'slave' : /\bmaster\b/i.test(name) ? 'master' : undefined;
    const { body, description } = snippet as { body?: unknown; description?: unknown };
    const text = Array.isArray(body) && body.every((line) => typeof line === 'string') ? body.join('\n') : typeof body === 'string' ? body : undefined;
    if (!role || text === undefined) continue;
    templates.push({
      label: name.replace(/\s*\(whole file\)\s*/i, '').trim(),
      role,
      description: typeof description === 'string' ? firstSentence(description) : '',
      body: text,
    });
  }
  return templates;
}

function firstSentence(text: string): string {
  const end = text.indexOf('; ');
  return end > 0 ? text.slice(0, end) : text;
}

/**
 * Used when the snippets file is missing or holds no whole-file template: the 16 lines of a
 * master and of a slave, with placeholders on what differs per node.
 */
export const BUILT_IN_TEMPLATES: readonly SettingsFileTemplate[] = [
  {
    label: 'Master node',
    role: 'master',
    description: 'Line 14 is 0; line 15 names this server',
    body: [
      '${1:\\\\\\\\fs01\\\\icewarp\\\\config\\\\}',
      '',
      '',
      '${2:01}',
      '',
      '',
      '',
      '${3:C:\\\\IceWarp\\\\queues\\\\_outgoing\\\\}',
      '${4:C:\\\\IceWarp\\\\queues\\\\_outgoing\\\\retry\\\\}',
      '${5:192.168.10.11}',
      '${6:mx1.example.net}',
      'license.key',
      '${7:C:\\\\IceWarp\\\\queues\\\\_incoming\\\\}',
      '0',
      '$6',
      '${8:mx2.example.net;mx3.example.net}',
      '$0',
    ].join('\n'),
  },
  {
    label: 'Slave node',
    role: 'slave',
    description: 'Line 14 is 1; line 15 names the master',
    body: [
      '${1:\\\\\\\\fs01\\\\icewarp\\\\config\\\\}',
      '',
      '',
      '${2:02}',
      '',
      '',
      '',
      '${3:C:\\\\IceWarp\\\\queues\\\\_outgoing\\\\}',
      '${4:C:\\\\IceWarp\\\\queues\\\\_outgoing\\\\retry\\\\}',
      '${5:192.168.10.12}',
      '${6:mx2.example.net}',
      'license.key',
      '${7:C:\\\\IceWarp\\\\queues\\\\_incoming\\\\}',
      '1',
      '${8:mx1.example.net}',
      '$6;${9:mx3.example.net}',
      '$0',
    ].join('\n'),
  },
];

/** The snippets' templates when there are any, else the built-in ones. */
export function settingsFileTemplates(snippetsJson: unknown): SettingsFileTemplate[] {
  const fromSnippets = templatesFromSnippets(snippetsJson);
  return fromSnippets.length > 0 ? fromSnippets : [...BUILT_IN_TEMPLATES];
}
