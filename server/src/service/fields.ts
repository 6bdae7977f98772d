// THE field table. Everything that needs to know what line N means (parser, rules, hover,
// inlay hints, completion, symbols, snippets) reads it from here.
import { t } from './l10n';

export type FieldId =
  | 'configPath'
  | 'webPath'
  | 'reserved'
  | 'serverId'
  | 'remoteLogon'
  | 'spamPath'
  | 'groupwarePath'
  | 'outgoingQueue'
  | 'retryQueue'
  | 'ipBinding'
  | 'hostname'
  | 'licenseFile'
  | 'incomingQueue'
  | 'slaveFlag'
  | 'masterHost'
  | 'slaveHosts'
  | 'teamChatUrl';

/** How a line's value is read. */
export type ValueKind =
  | 'directory'
  | 'reserved'
  | 'serverId'
  | 'remoteLogon'
  | 'ipBinding'
  | 'hostname'
  | 'file'
  | 'slaveFlag'
  | 'host'
  | 'hostList'
  | 'url';

/**
 * Where a directory belongs in a cluster: `common` folders are shared by every node,
 * `working` folders are this server's own and must stay local, `either` may be both.
 */
export type FolderSharing = 'common' | 'working' | 'either';

export interface FieldSpec {
  /** 1-based line number: line N holds field N. */
  readonly line: number;
  readonly id: FieldId;
  /** Short name shown on every line (inlay hint, outline, tree), in the language of the messages. */
  readonly title: string;
  /** Markdown documentation for hover and completion. */
  readonly docs: string;
  readonly kind: ValueKind;
  readonly sharing?: FolderSharing;
  /** What IceWarp's default install uses, by platform; for completion, quick fixes and the hover's examples (docs name no platform's path). */
  readonly defaults?: { readonly windows: string; readonly posix: string };
  readonly deprecated?: boolean;
  /** A short example value for docs and snippets. */
  readonly example?: string;
  /** Values with a fixed meaning (line 14's `0` and `1`), for hover and completion. */
  readonly values?: readonly { readonly value: string; readonly meaning: string }[];
  /** What an empty line means, where it is more than "IceWarp uses its default". */
  readonly emptyMeaning?: string;
}

export const FIELD_COUNT = 17;

export const FIELDS: readonly FieldSpec[] = [
  {
    line: 1,
    id: 'configPath',
    get title() {
      return t('Config path');
    },
    kind: 'directory',
    sharing: 'common',
    get docs() {
      return t('The shared Config folder. In a cluster every node points at the same shared folder (a UNC path on Windows, a mounted share on Linux). Empty: the node falls back to its own local config.');
    },
    get emptyMeaning() {
      return t('this node uses its own local config folder, shared with no other node');
    },
    defaults: { windows: 'C:\\Program Files\\IceWarp\\config\\', posix: '/opt/icewarp/config/' },
    example: '\\\\fs01\\icewarp\\config\\',
  },
  {
    line: 2,
    id: 'webPath',
    get title() {
      return t('Web (html) path');
    },
    kind: 'directory',
    sharing: 'either',
    get docs() {
      return t('The web (html) folder. Optional; may be local.');
    },
    defaults: { windows: 'C:\\Program Files\\IceWarp\\html\\', posix: '/opt/icewarp/html/' },
  },
  {
    line: 3,
    id: 'reserved',
    get title() {
      return t('(reserved)');
    },
    kind: 'reserved',
    get docs() {
      return t('Reserved. Empty in every known file.');
    },
    get emptyMeaning() {
      return t('as in every known file');
    },
  },
  {
    line: 4,
    id: 'serverId',
    get title() {
      return t('Server ID');
    },
    kind: 'serverId',
    get docs() {
      return t('Prefix of every message file this server writes. "Maximum two characters, numbers are recommended." Must differ between nodes that share a mail folder, or their message files collide.');
    },
    example: '01',
  },
  {
    line: 5,
    id: 'remoteLogon',
    get title() {
      return t('Remote logon');
    },
    kind: 'remoteLogon',
    get docs() {
      return t('Credentials IceWarp uses to reach protected shares: `\\\\server\\share;user;password` entries joined by `|`.');
    },
    example: '\\\\fs01\\icewarp;ICEWARP\\svc-mail;secret',
  },
  {
    line: 6,
    id: 'spamPath',
    get title() {
      return t('AntiSpam path');
    },
    kind: 'directory',
    sharing: 'common',
    deprecated: true,
    get docs() {
      return t('The AntiSpam (spam) folder. Shared in the console\'s design; newer IceWarp notes call it deprecated in favour of local paths.');
    },
    defaults: { windows: 'C:\\Program Files\\IceWarp\\spam\\', posix: '/opt/icewarp/spam/' },
  },
  {
    line: 7,
    id: 'groupwarePath',
    get title() {
      return t('GroupWare path');
    },
    kind: 'directory',
    sharing: 'common',
    deprecated: true,
    get docs() {
      return t('The GroupWare (calendar) folder. Shared in the console\'s design; newer IceWarp notes call it deprecated in favour of local paths.');
    },
    defaults: { windows: 'C:\\Program Files\\IceWarp\\calendar\\', posix: '/opt/icewarp/calendar/' },
  },
  {
    line: 8,
    id: 'outgoingQueue',
    get title() {
      return t('Outgoing queue');
    },
    kind: 'directory',
    sharing: 'working',
    get docs() {
      return t("This server's outgoing queue, typically an `_outgoing` folder among the mail queues. A working folder: keep it local to this server.");
    },
    defaults: { windows: 'C:\\Program Files\\IceWarp\\mail\\_outgoing\\', posix: '/opt/icewarp/mailqueues/_outgoing/' },
  },
  {
    line: 9,
    id: 'retryQueue',
    get title() {
      return t('Outgoing retry queue');
    },
    kind: 'directory',
    sharing: 'working',
    get docs() {
      return t("This server's outgoing retry queue, typically the outgoing queue's `retry` subfolder. A working folder: keep it local to this server.");
    },
    defaults: { windows: 'C:\\Program Files\\IceWarp\\mail\\_outgoing\\retry\\', posix: '/opt/icewarp/mailqueues/_outgoing/retry/' },
  },
  {
    line: 10,
    id: 'ipBinding',
    get title() {
      return t('IP binding');
    },
    kind: 'ipBinding',
    get docs() {
      return t('The server binding, then optionally `|` and the outgoing binding. IPs inside a half are joined by `;` (e.g. `127.0.0.1;192.168.0.1|192.168.0.1`). Each node uses its own IP addresses.');
    },
    example: '192.168.10.12|192.168.10.12',
  },
  {
    line: 11,
    id: 'hostname',
    get title() {
      return t('Hostname');
    },
    kind: 'hostname',
    get docs() {
      return t('The DNS name this server uses towards other servers. Each node needs its own.');
    },
    example: 'mx1.example.net',
  },
  {
    line: 12,
    id: 'licenseFile',
    get title() {
      return t('License file');
    },
    kind: 'file',
    get docs() {
      return t('The license file name or path, e.g. `license.key`.');
    },
    example: 'license.key',
  },
  {
    line: 13,
    id: 'incomingQueue',
    get title() {
      return t('Incoming queue');
    },
    kind: 'directory',
    sharing: 'working',
    get docs() {
      return t("This server's incoming queue, typically an `_incoming` folder among the mail queues: where messages wait before they are processed. A working folder: keep it local to this server.");
    },
    defaults: { windows: 'C:\\Program Files\\IceWarp\\mail\\_incoming\\', posix: '/opt/icewarp/mailqueues/_incoming/' },
  },
  {
    line: 14,
    id: 'slaveFlag',
    get title() {
      return t('Slave flag');
    },
    kind: 'slaveFlag',
    get docs() {
      return t('`1`: this server is a slave. `0` or empty: this server is the master. The console\'s checkbox "This server operates in master mode" is the inverse.');
    },
    example: '0',
    values: [
      {
        value: '0',
        get meaning() {
          return t("this server is the master; the console's 'master mode' box is on");
        },
      },
      {
        value: '1',
        get meaning() {
          return t("this server is a slave; the console's 'master mode' box is off");
        },
      },
    ],
    get emptyMeaning() {
      return t("this server is the master, as with 0; the console's 'master mode' box is on");
    },
  },
  {
    line: 15,
    id: 'masterHost',
    get title() {
      return t('Master host');
    },
    kind: 'host',
    get docs() {
      return t('The one server that works in master mode (host name or IP).');
    },
    example: 'mx1.example.net',
  },
  {
    line: 16,
    id: 'slaveHosts',
    get title() {
      return t('Slave hosts');
    },
    kind: 'hostList',
    get docs() {
      return t('The slave servers (host names or IPs). "Use semicolon for separation."');
    },
    example: 'mx2.example.net;mx3.example.net',
  },
  {
    line: 17,
    id: 'teamChatUrl',
    get title() {
      return t('TeamChat API URL');
    },
    kind: 'url',
    get docs() {
      return t("Newer versions only: the public https URL of this node's TeamChat API.");
    },
    example: 'https://mx1.example.net/teamchatapi/',
  },
];

const FIELDS_BY_ID = new Map<FieldId, FieldSpec>(FIELDS.map((field) => [field.id, field]));

/** The field of a 1-based line number, or undefined past line 17. */
export function fieldAtLine(line: number): FieldSpec | undefined {
  return FIELDS[line - 1];
}

export function fieldById(id: FieldId): FieldSpec {
  const field = FIELDS_BY_ID.get(id);
  if (!field) throw new Error(`unknown field ${id}`);
  return field;
}

/** Lines whose value is a directory path. */
export const DIRECTORY_FIELDS: readonly FieldSpec[] = FIELDS.filter((field) => field.kind === 'directory');
