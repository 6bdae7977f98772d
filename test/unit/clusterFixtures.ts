// Realistic clusters for the navigation and cluster-operation tests: a Windows cluster (CRLF,
// path.dat, passwords on line 5), a Linux cluster of seven (LF, path.cfg), and helpers to apply a
// multi-file change the way an editor does and to validate what comes out.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type ClusterChange, ServiceDiagnostic, Workspace, parseNodeFile, validate } from '../../server/src/service';
import { nodeText } from './helpers';

export const PASSWORDS = ['Pa55;word-Mx1', 'Zq9-Secret-Two', 'Kappa"3\\x'];

/** Node k (1-based) of a Windows cluster: mx1 is the master; CRLF; line 5 holds a password. */
export function windowsNode(k: number, count = 3, changes: Record<number, string> = {}): string {
  const host = (n: number) => `mx${n}.example.net`;
  return nodeText(
    {
      1: '\\\\fs01\\icewarp\\config\\',
      4: `1${k}`,
      5: `\\\\fs01\\icewarp;ICEWARP\\svc-mail;${PASSWORDS[(k - 1) % PASSWORDS.length]}`,
      8: 'C:\\IceWarp\\queues\\_outgoing\\',
      9: 'C:\\IceWarp\\queues\\_outgoing\\retry\\',
      10: `192.168.10.1${k}|192.168.10.1${k}`,
      11: host(k),
      12: 'license.key',
      13: 'C:\\IceWarp\\queues\\_incoming\\',
      14: k === 1 ? '0' : '1',
      15: host(1),
      16: Array.from({ length: count - 1 }, (_, i) => host(i + 2)).join(';'),
      ...changes,
    },
    '\r\n',
  );
}

/** Node k of a Linux cluster of `count` (LF, no line 5): node 1 is the master. */
export function linuxNode(k: number, count = 7, changes: Record<number, string> = {}): string {
  const host = (n: number) => `node${n}.linux.test`;
  return nodeText({
    1: '/mnt/cluster/config/',
    4: String(k).padStart(2, '0'),
    8: '/opt/icewarp/mailqueues/_outgoing/',
    9: '/opt/icewarp/mailqueues/_outgoing/retry/',
    10: `10.20.0.${k}`,
    11: host(k),
    12: 'license.key',
    13: '/opt/icewarp/mailqueues/_incoming/',
    14: k === 1 ? '0' : '1',
    15: host(1),
    16: Array.from({ length: count - 1 }, (_, i) => host(i + 2)).join(';'),
    ...changes,
  });
}

export const WIN = (k: number) => `file:///srv/win/mx${k}/path.dat`;
export const LIN = (k: number) => `file:///srv/linux/node${k}/path.cfg`;

export function windowsCluster(count = 3, changes: Record<number, Record<number, string>> = {}): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [WIN(i + 1), windowsNode(i + 1, count, changes[i + 1])]));
}

export function linuxCluster(count = 7, changes: Record<number, Record<number, string>> = {}): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [LIN(i + 1), linuxNode(i + 1, count, changes[i + 1])]));
}

/** A standalone node that names no cluster. */
export const LONER: string = 'file:///srv/alone/path.dat';
export const LONER_TEXT = nodeText({ 4: '77', 10: '10.99.0.1', 11: 'alone.example.org', 14: '0' });

export function workspaceOf(files: Record<string, string>): Workspace {
  const workspace = new Workspace();
  for (const [uri, text] of Object.entries(files)) workspace.set(parseNodeFile(uri, text));
  return workspace;
}

/** The files after the change, applied with the LSP text-document algorithm VS Code uses too. */
export function applyChange(files: Record<string, string>, change: ClusterChange): Record<string, string> {
  const result = { ...files };
  for (const file of change.files) {
    if (file.kind === 'create') {
      if (file.uri in result) throw new Error(`${file.uri} exists`);
      result[file.uri] = file.text;
    } else if (file.kind === 'delete') {
      delete result[file.uri];
    } else {
      const text = result[file.uri];
      if (text === undefined) throw new Error(`${file.uri} does not exist`);
      result[file.uri] = TextDocument.applyEdits(TextDocument.create(file.uri, 'icewarp-pathcfg', 1, text), file.edits);
    }
  }
  return result;
}

export const CLUSTER_CODES = [
  'cluster-multiple-masters',
  'cluster-membership-mismatch',
  'server-id-duplicate',
  'role-mismatch',
  'master-in-slave-list',
  'slave-without-master',
  'duplicate-identity',
  'hostname-contradicted',
  'cluster-member-not-listed',
  'slave-not-listed',
  'standalone-on-shared-config',
];

/** Every diagnostic of every file, as `uri code`. */
export function allDiagnostics(files: Record<string, string>): { uri: string; diagnostic: ServiceDiagnostic }[] {
  const workspace = workspaceOf(files);
  return workspace.all().flatMap((node) => validate(node, workspace).map((diagnostic) => ({ uri: node.uri, diagnostic })));
}

export function clusterFindings(files: Record<string, string>): string[] {
  return allDiagnostics(files)
    .filter(({ diagnostic }) => CLUSTER_CODES.includes(diagnostic.code))
    .map(({ uri, diagnostic }) => `${uri} ${diagnostic.code}`);
}

/** Line N (1-based) of a text, without its ending. */
export function lineOf(text: string, line: number): string {
  return text.split(/\r\n|\n|\r/)[line - 1] ?? '';
}
