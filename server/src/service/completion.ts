// Completion by line: 0/1 with their meaning on line 14, the workspace's hosts on lines 15 and
// 16, the platform's default folders on path lines (plus what peers use for common folders),
// and the next free Server ID on line 4. All of it comes from the field table and the model.
// In an empty file, and only there, the whole-file snippets (a master or a slave node, 17 lines).
import { FIELD_COUNT, FieldSpec } from './fields';
import { FieldLine, NodeFile } from './parse';
import { Piece, Position, Range, TextEdit, rangeContains, rangesIntersect } from './types';
import { hostKey, hostProblem } from './values/hosts';
import { typoVerdict } from './rules/hostPossibleTypo';
import { WorkspaceFacts } from './workspace';
import { Platform, platformOfPaths, platformGuess, subfolder } from './platform';
import { MAX_OFFERED, code } from './bounds';
import { fileLabel } from './mention';
import { nextFreeServerIdOf } from './evidence/conventions';
import { SnippetSyntaxError, expandSnippet } from './snippetText';
import { t } from './l10n';
import { wholeFileSnippetWords } from './snippetWords';
// Not contributed to VS Code (which would offer them anywhere in a file): offered here instead.
import wholeFileSnippets from '../../../snippets/pathcfg-files.json';

export type CompletionKind = 'value' | 'host' | 'folder' | 'snippet';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** One line next to the label. */
  detail: string;
  /** Markdown. */
  documentation?: string;
  edit: TextEdit;
  /** What the editor matches the typed text against, where the label alone would hide the item. */
  filterText?: string;
  sortText: string;
  preselect?: boolean;
  /** `edit`'s text in snippet syntax (tab stops), for a client that supports snippets; `edit.newText` is its plain expansion. */
  snippet?: string;
  /** Edits beside `edit`, none of them touching it: a whole-file snippet clears the blank text around it. */
  additionalEdits?: TextEdit[];
}

export function completions(node: NodeFile, position: Position, workspace: WorkspaceFacts): CompletionEntry[] {
  const wholeFile = wholeFileItems(node, position) ?? [];
  return [...wholeFile, ...lineItems(node, position, workspace)];
}

function lineItems(node: NodeFile, position: Position, workspace: WorkspaceFacts): CompletionEntry[] {
  if (position.line >= FIELD_COUNT) return [];
  const line = node.fields[position.line];
  if (!line.present) return [];
  switch (line.field.kind) {
    case 'slaveFlag':
      return slaveFlagItems(line, position);
    case 'host':
      return hostItems(node, line.raw.range, workspace, [], line.value);
    case 'hostList': {
      const under = node.slaveHosts.hosts.find((host) => rangeContains(host.range, position));
      const range = under?.range ?? { start: position, end: position };
      const listed = node.slaveHosts.hosts.filter((host) => host !== under).map((host) => hostKey(host.text));
      return hostItems(node, range, workspace, listed, under);
    }
    case 'directory':
      return folderItems(node, line, workspace);
    case 'serverId':
      return serverIdItems(node, line, workspace);
    default:
      return [];
  }
}

/** The text from the start of `range` to the cursor: what the editor filters by. */
function typed(line: FieldLine, range: Range, position: Position): string {
  const start = range.start.character - line.raw.range.start.character;
  const end = position.character - line.raw.range.start.character;
  return line.raw.text.slice(Math.max(0, start), Math.max(0, end));
}

function slaveFlagItems(line: FieldLine, position: Position): CompletionEntry[] {
  const prefix = typed(line, line.raw.range, position);
  return (line.field.values ?? []).map((entry, index) => ({
    label: entry.value,
    kind: 'value',
    detail: entry.meaning,
    documentation: line.field.docs,
    edit: { range: line.raw.range, newText: entry.value },
    // The line holds one character: without this, typing `1` would hide `0`.
    filterText: prefix + entry.value,
    sortText: String(index),
    preselect: entry.value === line.value.text,
  }));
}

interface HostOffer {
  name: string;
  /** The node whose hostname (line 11) it is: a server that exists. */
  hostnameOf?: NodeFile;
  /** Where it was seen, e.g. "slave host (line 16) in mx2/path.dat". */
  seen: string[];
}

/**
 * Hosts to offer on lines 15 and 16: every node's hostname, then the hosts nodes name that have
 * no node file, except `typing` (the half-typed host under the cursor) and any value that
 * carries a diagnostic where it is written (an invalid host, a likely typo, two hosts glued).
 */
function hostOffers(workspace: WorkspaceFacts, node: NodeFile, typing: Piece | undefined): Map<string, HostOffer> {
  const offers = new Map<string, HostOffer>();
  const nodes = workspace.all().some((other) => other.uri === node.uri) ? workspace.all() : [...workspace.all(), node];
  for (const other of nodes) {
    const hostname = other.field.hostname.value.text;
    const key = hostKey(hostname);
    if (hostname && hostname.length <= MAX_OFFERED && !offers.has(key) && !hostProblem(hostname)) offers.set(key, { name: hostname, hostnameOf: other, seen: [] });
  }
  const hostnames = [...offers.keys()];
  const isTyping = (uri: string, piece: Piece) => typing !== undefined && uri === node.uri && rangesIntersect(piece.range, typing.range);
  for (const other of nodes) {
    const file = fileLabel(other);
    const named = [
      ...other.masterHosts.hosts.map((host) => ({ host, where: t('master host (line 15) in {0}', file) })),
      ...other.slaveHosts.hosts.map((host) => ({ host, where: t('slave host (line 16) in {0}', file) })),
    ];
    for (const { host, where } of named) {
      if (isTyping(other.uri, host)) continue;
      const key = hostKey(host.text);
      const offer = offers.get(key);
      if (offer) {
        if (!offer.seen.includes(where)) offer.seen.push(where);
        continue;
      }
      if (host.text.length > MAX_OFFERED || hostProblem(host.text) || isGlued(key, hostnames)) continue;
      if (typoVerdict(host.text, other, workspace)) continue;
      offers.set(key, { name: host.text, seen: [where] });
    }
  }
  return offers;
}

/** Two node hostnames run together (`mx2.example.netmx3.example.net`): no host anyone meant. */
function isGlued(key: string, hostnames: readonly string[]): boolean {
  return hostnames.filter((hostname) => hostname !== key && key.includes(hostname)).length >= 2;
}

function hostItems(node: NodeFile, range: Range, workspace: WorkspaceFacts, exclude: readonly string[], typing: Piece | undefined): CompletionEntry[] {
  const own = hostKey(node.field.hostname.value.text);
  return [...hostOffers(workspace, node, typing).entries()]
    .filter(([key]) => !exclude.includes(key))
    .map(([key, host]) => {
      const folder = host.hostnameOf ? fileLabel(host.hostnameOf) : undefined;
      const detail = folder ? (key === own ? t('this server: hostname of {0}', folder) : t('hostname of {0}', folder)) : t('no node file in the workspace');
      const where = [...(folder ? [t('hostname (line 11) of {0}', folder)] : []), ...host.seen];
      return {
        label: host.name,
        kind: 'host' as const,
        detail,
        documentation: `${t('{0} is known as:', code(host.name))}\n\n${where.map((each) => `- ${each}`).join('\n')}${folder ? '' : `\n\n${t('No node file of the workspace has this hostname.')}`}`,
        edit: { range, newText: host.name },
        // Node hostnames first: they are the servers that exist.
        sortText: `${folder ? 0 : 1}${host.name.toLowerCase()}`,
      };
    });
}

function folderItems(node: NodeFile, line: FieldLine, workspace: WorkspaceFacts): CompletionEntry[] {
  const field = line.field;
  const range = line.raw.range;
  const items: CompletionEntry[] = [];
  const seen = new Set<string>();
  const push = (text: string, detail: string, documentation: string) => {
    if (seen.has(text) || text === line.value.text || text.length > MAX_OFFERED) return;
    seen.add(text);
    items.push({ label: text, kind: 'folder', detail, documentation, edit: { range, newText: text }, sortText: String(items.length).padStart(2, '0') });
  };
  // What the other nodes of the cluster use for a folder all of them must share.
  if (field.sharing === 'common') {
    for (const peer of workspace.peersOf(node)) {
      const path = peer.paths.get(field.id);
      if (path) push(path.text, t('used by {0}', fileLabel(peer)), t('The {0} every node of a cluster must share.', field.title));
    }
  }
  const outgoing = node.paths.get('outgoingQueue');
  if (field.id === 'retryQueue' && outgoing) push(subfolder(outgoing, 'retry'), t('the outgoing queue (line 8) + retry'), field.docs);
  for (const platform of platformsFor(node, field)) {
    const value = field.defaults?.[platform];
    if (value) push(value, t("IceWarp's default on {0}", platform === 'windows' ? 'Windows' : 'Linux'), field.docs);
  }
  return items;
}

/** The file's other paths decide the platform; when they do not, both, the likelier first. */
function platformsFor(node: NodeFile, field: FieldSpec): Platform[] {
  const decided = platformOfPaths(node, [field.id]);
  if (decided) return [decided];
  const guess = platformGuess(node, [field.id]);
  return guess === 'windows' ? ['windows', 'posix'] : ['posix', 'windows'];
}

function serverIdItems(node: NodeFile, line: FieldLine, workspace: WorkspaceFacts): CompletionEntry[] {
  const { id } = nextFreeServerIdOf(node, workspace);
  if (id === line.value.text) return [];
  const used = workspace.peersOf(node).filter((other) => other.field.serverId.value.text.length > 0).length;
  return [
    {
      label: id,
      kind: 'value',
      detail: t('the next free Server ID of this cluster'),
      documentation: `${
        used === 0
          ? t('No other node of this cluster uses {0}.', code(id))
          : used === 1
            ? t('No other node of this cluster uses {0} ({1} other node has an ID).', code(id), used)
            : t('No other node of this cluster uses {0} ({1} other nodes have an ID).', code(id), used)
      }\n\n${line.field.docs}`,
      edit: { range: line.raw.range, newText: id },
      sortText: '0',
    },
  ];
}

interface WholeFileSnippet {
  name: string;
  prefix: string;
  description: string;
  body: readonly string[];
}

const WHOLE_FILE_SNIPPETS: readonly WholeFileSnippet[] = Object.entries(wholeFileSnippets).map(([name, snippet]) => ({
  name,
  prefix: snippet.prefix,
  description: snippet.description,
  body: snippet.body,
}));

const LONGEST_PREFIX = Math.max(...WHOLE_FILE_SNIPPETS.map((snippet) => snippet.prefix.length));

/**
 * The whole-file snippets, when the document is blank but for what the cursor ends (a start of
 * one of their prefixes, `pathcfg-li`, typed as for any snippet); undefined in any other file,
 * where a whole file pasted in would double it. Each replaces the typed word and clears the
 * blank text around it, so the file holds exactly the 17 lines.
 */
function wholeFileItems(node: NodeFile, position: Position): CompletionEntry[] | undefined {
  const line = node.lines[position.line];
  if (!line || !Number.isInteger(position.character)) return undefined;
  const cursor = position.character - line.column;
  if (cursor < 0 || cursor > line.text.length) return undefined;
  // trim() is a native scan that stops at the first character that is not blank: cheap on any file.
  if (node.text.slice(node.hasBom ? 1 : 0, line.offset).trim() !== '' || node.text.slice(line.offset + cursor).trim() !== '') return undefined;
  const word = line.text.slice(0, cursor).trimStart();
  if (word.length > LONGEST_PREFIX || /\s/.test(word)) return undefined;
  const typedWord = word.toLowerCase();
  if (!WHOLE_FILE_SNIPPETS.some((snippet) => snippet.prefix.toLowerCase().startsWith(typedWord))) return undefined;

  const first = node.lines[0];
  const documentStart: Position = { line: 0, character: first.column };
  const range: Range = { start: { line: position.line, character: position.character - word.length }, end: position };
  const additionalEdits: TextEdit[] = [];
  if (range.start.line > 0 || range.start.character > documentStart.character) additionalEdits.push({ range: { start: documentStart, end: range.start }, newText: '' });
  const end = node.endOfDocument.end;
  if (end.line > position.line || end.character > position.character) additionalEdits.push({ range: { start: position, end }, newText: '' });
  // The file's own line ending; '\n' in a file without any: VS Code turns an inserted text's
  // endings into the editor's own (files.eol), and IceWarp reads either on every platform.
  const ending = node.ending;
  const items: CompletionEntry[] = [];
  for (const snippet of WHOLE_FILE_SNIPPETS) {
    const body = snippet.body.join(ending);
    let plain: string;
    try {
      plain = expandSnippet(body);
    } catch (error) {
      // A snippet the tests let through broken: left out rather than inserted half-read.
      if (error instanceof SnippetSyntaxError) continue;
      throw error;
    }
    const words = wholeFileSnippetWords(snippet);
    items.push({
      label: words.label,
      kind: 'snippet',
      detail: words.summary,
      documentation: words.description,
      edit: { range, newText: plain },
      snippet: body,
      filterText: snippet.prefix,
      // Before the line's own offers (digits): in an empty file a whole file is the likelier wish.
      sortText: `!${items.length}`,
      ...(additionalEdits.length > 0 ? { additionalEdits } : {}),
    });
  }
  return items;
}
