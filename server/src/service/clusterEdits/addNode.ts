// Add Node to Cluster: a complete node file for a new server, built from the master, and the new
// host added to line 16 of every other node. Also the checks the client's input boxes show while
// the user types, and the defaults they start from.
import { t } from '../l10n';
import { FIELDS, FieldId } from '../fields';
import { LineEnding, NodeFile } from '../parse';
import { WorkspaceFacts, identityKeys } from '../workspace';
import { defaultFor, platformGuess } from '../platform';
import { secretPieces } from '../describe';
import { newFileLabel } from '../mention';
import { hostKey, hostProblem, isIpAddress } from '../values/hosts';
import { judgeFolder } from '../folders';
import { nextFreeServerId } from '../evidence/conventions';
import { ClusterEditResult, FileChange, changeOf, nodeName, refuse, shortText } from './change';
import { clusterMembers, isRefusal, masterOf } from './members';
import { NodeRewrite, editHostList, listHasHost } from './rewrite';

export interface NewNode {
  hostname: string;
  /** The server's IP; empty for none (line 10 stays empty). */
  ip?: string;
  /** Where to create the file; by default a sibling folder named after the host. */
  fileUri?: string;
}

/** What is wrong with each answer so far, in words for the input box; absent when fine. */
export interface NewNodeProblems {
  hostname?: string;
  ip?: string;
  file?: string;
}

export interface NewNodeDefaults {
  /** The cluster as its nodes name it: the master host. */
  cluster: string;
  /** `path.dat` or `path.cfg`, whichever the cluster uses. */
  fileName: string;
  /** Where the file goes for this hostname (absent until the hostname is valid). */
  fileUri?: string;
  /** The Server ID the new node gets. */
  serverId: string;
  problems: NewNodeProblems;
}

const NODE_FILE_NAMES = ['path.cfg', 'path.dat'];

/** The input boxes' checks and defaults, for the cluster of `node` (any member). */
export function newNodeDefaults(node: NodeFile, workspace: WorkspaceFacts, answers: Partial<NewNode>): NewNodeDefaults | { ok: false; reason: string } {
  const members = clusterMembers(node, workspace);
  if (isRefusal(members)) return members;
  const master = masterOf(node, members);
  if (isRefusal(master)) return master;
  const hostname = (answers.hostname ?? '').trim();
  const fileUri = answers.fileUri?.trim() || (hostname && !hostProblem(hostname) ? defaultFileUri(master, members, hostname) : undefined);
  return {
    cluster: master.field.masterHost.value.text || master.field.hostname.value.text,
    fileName: fileNameOf(master, members),
    ...(fileUri ? { fileUri } : {}),
    serverId: nextServerIdOf(members),
    problems: problemsOf(workspace, members, { hostname, ip: answers.ip, fileUri: answers.fileUri?.trim() || fileUri }),
  };
}

export function addNode(node: NodeFile, workspace: WorkspaceFacts, request: NewNode): ClusterEditResult {
  const members = clusterMembers(node, workspace);
  if (isRefusal(members)) return members;
  const master = masterOf(node, members);
  if (isRefusal(master)) return master;
  const hostname = request.hostname.trim();
  const ip = (request.ip ?? '').trim();
  const fileUri = request.fileUri?.trim() || defaultFileUri(master, members, hostname);
  const problems = problemsOf(workspace, members, { hostname, ip, fileUri });
  const problem = problems.hostname ?? problems.ip ?? problems.file;
  if (problem) return refuse(problem);
  const masterHost = master.field.hostname.value.text || master.masterHosts.hosts[0]?.text;
  if (!masterHost) return refuse(t('The master {0} has no hostname on line 11, so the new node could not name it on line 15. Fill in its line 11 first.', nodeName(master)));

  const ending = endingOf(master, members);
  const { lines, passwordsLeftOut } = newNodeLines(master, members, { hostname, ip, masterHost });
  const text = lines.join(ending) + ending;
  const folder = newFileLabel(master, fileUri);
  const serverId = lines[3];
  const files: FileChange[] = [
    {
      kind: 'create',
      uri: fileUri,
      text,
      label: `${shortText(hostname)} (${folder})`,
      description: passwordsLeftOut
        ? t('new slave of {0}, Server ID {1}; line 5 without its passwords', shortText(masterHost), serverId)
        : t('new slave of {0}, Server ID {1}', shortText(masterHost), serverId),
    },
  ];
  for (const member of members) {
    if (listHasHost(member.slaveHosts, hostname)) continue;
    const rewrite = new NodeRewrite(member).setLine('slaveHosts', editHostList(member.field.slaveHosts, member.slaveHosts, new Set(), [hostname]));
    files.push({ kind: 'edit', uri: member.uri, edits: rewrite.edits(), label: nodeName(member), description: t('slave hosts: {0} in (line 16)', shortText(hostname)) });
  }
  const listing = files.length - 1;
  const joins =
    listing === 1
      ? t('{0} ({1}) joins the cluster of {2} as a slave with Server ID {3}; {4} other node file lists it now.', shortText(hostname), folder, shortText(masterHost), serverId, listing)
      : t('{0} ({1}) joins the cluster of {2} as a slave with Server ID {3}; {4} other node files list it now.', shortText(hostname), folder, shortText(masterHost), serverId, listing);
  const logon = passwordsLeftOut
    ? ` ${t("Line 5 (Remote logon) has the master's share and user entries without their passwords, which never travel through the editor: type them in before the node goes live.")}`
    : '';
  return changeOf(t('Add {0} to the cluster of {1}', shortText(hostname), shortText(masterHost)), `${joins}${logon}`, files);
}

function problemsOf(workspace: WorkspaceFacts, members: readonly NodeFile[], answers: { hostname: string; ip?: string; fileUri?: string }): NewNodeProblems {
  const problems: NewNodeProblems = {};
  const hostname = answers.hostname;
  const key = hostKey(hostname);
  if (!hostname) problems.hostname = t("Enter the new node's hostname (line 11), e.g. {0}.", 'mx4.example.net');
  else {
    const why = hostProblem(hostname);
    const owner = workspace.all().find((other) => identityKeys(other).includes(`host:${key}`));
    if (why) problems.hostname = t('"{0}" is not a valid host name: {1}.', shortText(hostname), why);
    else if (owner) problems.hostname = t('{0} already has this hostname; every node needs its own.', nodeName(owner));
    else if (members.some((member) => member.masterHosts.hosts.some((host) => hostKey(host.text) === key))) {
      problems.hostname = t('"{0}" is the master host this cluster names on line 15; a new node joins as a slave.', shortText(hostname));
    }
  }
  const ip = (answers.ip ?? '').trim();
  if (ip) {
    const binder = workspace.all().find((other) => identityKeys(other).includes(`ip:${ip.toLowerCase()}`));
    if (!isIpAddress(ip)) problems.ip = t('"{0}" is not an IPv4 or IPv6 address; leave it empty to bind none (line 10).', shortText(ip));
    else if (binder) problems.ip = t('{0} already binds {1} (line 10); every node uses its own address.', nodeName(binder), ip);
  }
  const fileUri = answers.fileUri;
  if (fileUri) {
    const name = lastSegments(fileUri, 1).toLowerCase();
    if (!NODE_FILE_NAMES.includes(name)) problems.file = t('A node file is named path.cfg or path.dat.');
    else if (workspace.get(fileUri)) problems.file = t('{0} exists already; choose another folder.', newFileLabel(members[0], fileUri));
  }
  return problems;
}

/** Lines 1-17 of the new node; line 5, its peers' entries, loses its passwords (they never travel through the editor). */
function newNodeLines(master: NodeFile, members: readonly NodeFile[], node: { hostname: string; ip: string; masterHost: string }): { lines: string[]; passwordsLeftOut: boolean } {
  const value = (id: FieldId) => master.field[id].value.text;
  const hasOutgoingBinding = master.ipBinding.halves.length > 1;
  const slaves = master.slaveHosts.hosts.map((host) => host.text);
  if (!slaves.some((host) => hostKey(host) === hostKey(node.hostname))) slaves.push(node.hostname);
  const { logon, passwordsLeftOut } = peersLogon(master, members);
  const masterUrl = value('teamChatUrl');
  const masterName = value('hostname');
  const at = masterName ? masterUrl.toLowerCase().indexOf(masterName.toLowerCase()) : -1;
  const byId: Record<FieldId, string> = {
    configPath: value('configPath'),
    webPath: value('webPath'),
    reserved: '',
    serverId: nextServerIdOf(members),
    remoteLogon: logon,
    spamPath: value('spamPath'),
    groupwarePath: value('groupwarePath'),
    outgoingQueue: workingFolder(master, members, 'outgoingQueue'),
    retryQueue: workingFolder(master, members, 'retryQueue'),
    ipBinding: node.ip ? (hasOutgoingBinding ? `${node.ip}|${node.ip}` : node.ip) : '',
    hostname: node.hostname,
    licenseFile: value('licenseFile'),
    incomingQueue: workingFolder(master, members, 'incomingQueue'),
    slaveFlag: '1',
    masterHost: node.masterHost,
    slaveHosts: slaves.join(';'),
    // The master's own URL with the new host in it; none when the URL does not name the master.
    teamChatUrl: at >= 0 ? masterUrl.slice(0, at) + node.hostname + masterUrl.slice(at + masterName.length) : '',
  };
  const lines = FIELDS.map((field) => byId[field.id]);
  // A file without a TeamChat URL ends after line 16, as IceWarp writes it.
  if (lines[lines.length - 1] === '') lines.pop();
  return { lines, passwordsLeftOut };
}

/**
 * Line 5 as most nodes of the cluster that have one write it (the master breaking ties), each
 * entry with its share and user and an empty password for the admin to type: the new server
 * logs on to the same shares, and no password ever travels through the editor.
 */
function peersLogon(master: NodeFile, members: readonly NodeFile[]): { logon: string; passwordsLeftOut: boolean } {
  const withLogon = members.filter((member) => member.field.remoteLogon.value.text !== '');
  if (withLogon.length === 0) return logonWithoutPasswords(master);
  const tieBreaker = withLogon.includes(master) ? master : withLogon[0];
  const chosen = majority(tieBreaker, withLogon, (node) => logonWithoutPasswords(node).logon);
  return logonWithoutPasswords(withLogon.find((node) => logonWithoutPasswords(node).logon === chosen) ?? tieBreaker);
}

/** Line 5 with each entry's share and user, and no password. */
function logonWithoutPasswords(node: NodeFile): { logon: string; passwordsLeftOut: boolean } {
  const secrets = secretPieces(node);
  if (secrets.length === 0) return { logon: node.field.remoteLogon.value.text, passwordsLeftOut: false };
  const entries = node.remoteLogon.map((entry) => {
    const path = entry.path?.text ?? '';
    // `\\server\share;x`: nobody can tell a user from a password, so x stays behind too.
    if (entry.partCount < 3) return path;
    return `${path};${entry.user?.text ?? ''};`;
  });
  return { logon: entries.join('|'), passwordsLeftOut: true };
}

/**
 * A working folder (8, 9, 13) as the cluster's nodes have it when it is local (the master's
 * first, else the most common); else the platform's local default.
 */
function workingFolder(master: NodeFile, members: readonly NodeFile[], id: FieldId): string {
  const own = master.paths.get(id);
  if (own && judgeFolder(master, id)?.location === 'local') return own.text;
  const counts = new Map<string, number>();
  for (const member of members) {
    const path = member.paths.get(id);
    if (path && judgeFolder(member, id)?.location === 'local') counts.set(path.text, (counts.get(path.text) ?? 0) + 1);
  }
  const common = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (common) return common[0];
  const field = FIELDS.find((candidate) => candidate.id === id);
  return (field && defaultFor(field, platformGuess(master))) ?? '';
}

/** The Server ID a new node of the cluster gets: the next free one, as the quick fixes propose it. */
function nextServerIdOf(members: readonly NodeFile[]): string {
  return nextFreeServerId(members.map((member) => member.field.serverId.value.text)).id;
}

/** What most nodes of the cluster do, the master breaking ties. */
function majority<T>(master: NodeFile, members: readonly NodeFile[], of: (node: NodeFile) => T): T {
  const counts = new Map<T, number>();
  for (const member of members) counts.set(of(member), (counts.get(of(member)) ?? 0) + 1);
  const own = of(master);
  let best = own;
  for (const [value, count] of counts) if (count > (counts.get(best) ?? 0)) best = value;
  return best;
}

function endingOf(master: NodeFile, members: readonly NodeFile[]): LineEnding {
  return majority(master, members, (node) => node.ending);
}

function fileNameOf(master: NodeFile, members: readonly NodeFile[]): string {
  return majority(master, members, (node) => {
    const name = lastSegments(node.uri, 1);
    return NODE_FILE_NAMES.includes(name.toLowerCase()) ? name : 'path.dat';
  });
}

/**
 * Where the new node's file goes: where the cluster's files lie, in a folder of the host's own
 * where theirs have one (`mx4/opt/icewarp/path.dat` beside `mx1/opt/icewarp/path.dat`, as a
 * fetch of each server lays them out), named by the host's first label when the cluster's
 * folders are (`mx4/` for mx4.example.net), else by the whole hostname.
 */
function defaultFileUri(master: NodeFile, members: readonly NodeFile[], hostname: string): string {
  const host = hostname.replace(/\.$/, '');
  const layout = siblingLayout(members) ?? masterLayout(master);
  const byFirstLabel = members.some((member) => {
    const own = member.field.hostname.value.text.toLowerCase();
    const folder = layout ? decoded(folderSegments(member.uri)[layout.before.length] ?? '') : lastSegments(member.uri, 2).split('/')[0];
    return own !== '' && folder.toLowerCase() === firstLabel(own) && firstLabel(own) !== own;
  });
  const folder = encodeURIComponent(byFirstLabel ? firstLabel(host) : host);
  const fileName = fileNameOf(master, members);
  if (layout) return [...layout.before, folder, ...layout.after, fileName].join('/');
  const parent = master.uri.split('/').slice(0, -2).join('/');
  return `${parent}/${folder}/${fileName}`;
}

/** The folders of a node file's URI as written (scheme and authority in the first ones), the file left out. */
function folderSegments(uri: string): string[] {
  return uri.replace(/[?#].*$/, '').split('/').slice(0, -1);
}

interface Layout {
  /** The folders above each node's own folder, the same for all. */
  before: string[];
  /** The folders below it, the same for all (`opt`, `icewarp`), possibly none. */
  after: string[];
}

/** The layout the cluster's files share: one folder per node, the same folders above and below it. */
function siblingLayout(members: readonly NodeFile[]): Layout | undefined {
  if (members.length < 2) return undefined;
  const folders = members.map((member) => folderSegments(member.uri));
  const depth = folders[0].length;
  if (folders.some((each) => each.length !== depth)) return undefined;
  const same = (index: number) => folders.every((each) => each[index] === folders[0][index]);
  const differing = [...Array(depth).keys()].filter((index) => !same(index));
  if (differing.length !== 1) return undefined;
  const at = differing[0];
  return { before: folders[0].slice(0, at), after: folders[0].slice(at + 1) };
}

/**
 * The layout of the master's file alone: its nearest folder named after its host (`mx1` in
 * `mx1/opt/icewarp/path.dat` for mx1.example.net), the folders below it kept.
 */
function masterLayout(master: NodeFile): Layout | undefined {
  const own = master.field.hostname.value.text.toLowerCase().replace(/\.$/, '');
  if (!own) return undefined;
  const folders = folderSegments(master.uri);
  for (let index = folders.length - 1; index > 0; index--) {
    const name = decoded(folders[index]).toLowerCase();
    if (name === own || name === firstLabel(own)) return { before: folders.slice(0, index), after: folders.slice(index + 1) };
  }
  return undefined;
}

function firstLabel(host: string): string {
  return host.toLowerCase().split('.')[0];
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The last `count` segments of a URI's path, decoded (as written when an escape is malformed). */
function lastSegments(uri: string, count: number): string {
  const segments = uri.replace(/[?#].*$/, '').split('/').slice(-count).join('/');
  try {
    return decodeURIComponent(segments);
  } catch {
    return segments;
  }
}
