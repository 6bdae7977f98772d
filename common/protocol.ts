// Types shared by the client and the server: the settings schema, the custom requests and
// notifications (typed, so both sides agree on params and answers at compile time) and the
// cluster model they carry. Both sides import this file; esbuild bundles it into each.
import { NotificationType, RequestType, RequestType0 } from 'vscode-jsonrpc';
import { z } from 'zod';
import { isRecord } from './isRecord';
import { SEVERITIES } from './protocolNames';

// The names the client's activation needs live without zod (./protocolNames.ts): the client
// loads this file, and zod with it, only after the server has started.
export { DIAGNOSTIC_SOURCE, EXPLAIN_BASE_URI_OPTION, EXPLAIN_CODE_COMMAND, LANGUAGE_ID, MESSAGES_OPTION, NODE_FILE_GLOB, NODE_FILE_NAMES, SEVERITIES, VSCODE_EXTENSION_OPTION, explainHref } from './protocolNames';
export type { Severity } from './protocolNames';

export const severitySettingSchema = z.enum([...SEVERITIES, 'off']);
export type SeveritySetting = z.infer<typeof severitySettingSchema>;

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;
/** Milliseconds a new problem waits for a pause in typing before it is shown (a fixed one clears at once). */
const DEFAULT_VALIDATION_DELAY = 150;

/** The `icewarp` settings section, as the server reads it per resource. */
const settingsSchema = z.object({
  validate: z.object({ enable: z.boolean() }),
  diagnostics: z.object({ severity: z.record(z.string(), severitySettingSchema) }),
  maxFileSize: z.number().nonnegative(),
  validation: z.object({ delay: z.number().nonnegative() }),
  inlayHints: z.object({ enable: z.boolean() }),
  trace: z.object({ server: z.enum(['off', 'messages', 'verbose']) }),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  validate: { enable: true },
  diagnostics: { severity: {} },
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
  validation: { delay: DEFAULT_VALIDATION_DELAY },
  inlayHints: { enable: true },
  trace: { server: 'off' },
};

export interface SettingsProblem {
  /** Dotted setting name, e.g. `icewarp.maxFileSize` or `icewarp.diagnostics.severity`. */
  setting: string;
  message: string;
  /** For a map (code -> severity): how many entries are invalid, and the first few keys. */
  invalidKeys?: { count: number; examples: string[] };
}

/** Keys of invalid map entries a problem names; the rest are counted. */
const MAX_INVALID_KEY_EXAMPLES = 3;

/**
 * What one source of settings (initializationOptions, a pushed didChangeConfiguration, a pulled
 * workspace/configuration answer) sets: only the fields it gives, each valid. Sources are laid
 * over the defaults with `applySettingsLayers`.
 */
export type SettingsLayer = { [Key in keyof Settings]?: Settings[Key] extends object ? Partial<Settings[Key]> : Settings[Key] };

/**
 * Validates a raw `icewarp` section against `settingsSchema`, field by field, so one bad value
 * is dropped (and reported) without discarding the user's other settings. The same function
 * checks every source of settings.
 */
export function parseSettingsLayer(raw: unknown): { layer: SettingsLayer; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  // An absent or null section sets nothing (a client answers null for a section it does not have).
  if (raw === undefined || raw === null) return { layer: {}, problems };
  // The walk follows settingsSchema, so what it returns has the shape of SettingsLayer.
  const layer = (validateAgainst(settingsSchema, raw, 'icewarp', problems) ?? {}) as SettingsLayer;
  return { layer, problems };
}

/** The raw value's valid parts under `schema` (undefined when nothing valid is set), its problems appended. */
function validateAgainst(schema: z.ZodTypeAny, raw: unknown, setting: string, problems: SettingsProblem[]): unknown {
  if (raw === undefined) return undefined;
  if (schema instanceof z.ZodObject) {
    if (!isRecord(raw)) {
      problems.push({ setting, message: 'expected an object' });
      return undefined;
    }
    const valid: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(schema.shape as Record<string, z.ZodTypeAny>)) {
      const value = validateAgainst(child, raw[key], `${setting}.${key}`, problems);
      if (value !== undefined) valid[key] = value;
    }
    return valid;
  }
  if (schema instanceof z.ZodRecord && schema.valueSchema instanceof z.ZodEnum) {
    if (!isRecord(raw)) {
      problems.push({ setting, message: 'expected an object mapping codes to severities' });
      return undefined;
    }
    // Entry by entry against the enum's values: zod builds an error per bad entry (tens of
    // microseconds each), which made 100,000 bad entries cost seconds. Bad entries are counted,
    // with a few examples, rather than listed: a bounded problem for any input.
    const allowed: readonly unknown[] = schema.valueSchema.options;
    const valid: Record<string, unknown> = {};
    let invalid = 0;
    const examples: string[] = [];
    for (const key of Object.keys(raw)) {
      const value = raw[key];
      if (!allowed.includes(value)) {
        if (invalid++ < MAX_INVALID_KEY_EXAMPLES) examples.push(key);
      } else if (key !== '__proto__') {
        // A code named __proto__ would set the object's prototype rather than a key; no code is.
        valid[key] = value;
      }
    }
    if (invalid > 0) problems.push({ setting, message: `expected one of ${allowed.join(', ')}`, invalidKeys: { count: invalid, examples } });
    return valid;
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  problems.push({ setting, message: result.error.issues.map((issue) => issue.message).join('; ') });
  return undefined;
}

/**
 * Lays sources over `base`, later ones winning field by field; severity overrides merge code
 * by code.
 */
export function applySettingsLayers(base: Settings, ...layers: readonly SettingsLayer[]): Settings {
  let settings = base;
  for (const layer of layers) {
    settings = {
      validate: { enable: layer.validate?.enable ?? settings.validate.enable },
      diagnostics: { severity: layer.diagnostics?.severity ? { ...settings.diagnostics.severity, ...layer.diagnostics.severity } : settings.diagnostics.severity },
      maxFileSize: layer.maxFileSize ?? settings.maxFileSize,
      validation: { delay: layer.validation?.delay ?? settings.validation.delay },
      inlayHints: { enable: layer.inlayHints?.enable ?? settings.inlayHints.enable },
      trace: { server: layer.trace?.server ?? settings.trace.server },
    };
  }
  return settings;
}

/** One raw section over the defaults: what a single source of settings means on its own. */
export function parseSettings(raw: unknown): { settings: Settings; problems: SettingsProblem[] } {
  const { layer, problems } = parseSettingsLayer(raw);
  return { settings: applySettingsLayers(DEFAULT_SETTINGS, layer), problems };
}

// ---------------------------------------------------------------------------------------------
// The cluster model: `icewarp/cluster` answers with the clusters of the workspace;
// `icewarp/clusterChanged` tells the client the answer may have changed (debounced, after the
// server publishes diagnostics); `icewarp/describeFiles` gives role and hostname of given files
// (also outside the workspace) for the Open Settings File chooser. Never any password.

export const CLUSTER_REQUEST = 'icewarp/cluster';
export const CLUSTER_CHANGED_NOTIFICATION = 'icewarp/clusterChanged';
export const DESCRIBE_FILES_REQUEST = 'icewarp/describeFiles';

const nodeRoleSchema = z.enum(['master', 'slave', 'unknown']);
/**
 * Why the model says so: line 14 itself; when line 14 is invalid, this server's own hostname
 * found as the master host (line 15) or in the slave list (line 16); for a host with no file,
 * how the other nodes name it.
 */
const roleEvidenceSchema = z.enum(['slave-flag', 'master-host', 'slave-hosts', 'named-as-master', 'named-as-slave', 'none']);
/**
 * Where a folder lives. UNC paths are shared; drive letters and relative paths are local;
 * POSIX paths are local under the install folder (`/opt/icewarp/`), anywhere else they are
 * taken for a mounted share (a Linux node reaches its shares through mounts, which the file
 * cannot tell apart from local disks).
 */
const folderLocationSchema = z.enum(['local', 'shared']);

/** One line of a node, as the tree shows it. `line` is 0-based, as LSP counts. */
const nodeDetailSchema = z.object({
  field: z.string(),
  /** The field's title from the field table. */
  title: z.string(),
  line: z.number().int().nonnegative(),
  value: z.string(),
});
const folderDetailSchema = nodeDetailSchema.extend({ location: folderLocationSchema });
const ipBindingDetailSchema = nodeDetailSchema.extend({
  /** The server binding (before `|`). */
  server: z.array(z.string()),
  /** The outgoing binding (after `|`), empty when the line has none. */
  outgoing: z.array(z.string()),
});
const problemCountsSchema = z.object({
  error: z.number().int().nonnegative(),
  warning: z.number().int().nonnegative(),
  information: z.number().int().nonnegative(),
  hint: z.number().int().nonnegative(),
});
/** A place that names a host with no file in the workspace. */
const hostMentionSchema = z.object({ uri: z.string(), line: z.number().int().nonnegative() });

const clusterNodeSchema = z.object({
  /** `file`: a node file of the workspace; `missing`: a host named in line 15/16 with no file. */
  kind: z.enum(['file', 'missing']),
  /** The node file; absent for a missing host. */
  uri: z.string().optional(),
  /** What to call the node: its hostname (line 11), the host as named, or its file's folder. */
  label: z.string(),
  /** Its file as messages name it: the shortest path suffix no other node file has (`mx2/opt/icewarp/path.dat`). */
  file: z.string().optional(),
  role: nodeRoleSchema,
  roleEvidence: roleEvidenceSchema,
  /** The line the role was read from (the file's line 14, or the naming line of a missing host). */
  roleLine: z.number().int().nonnegative().optional(),
  serverId: nodeDetailSchema.optional(),
  hostname: nodeDetailSchema.optional(),
  ipBinding: ipBindingDetailSchema.optional(),
  /** Lines 1, 6, 7 when set: folders every node of the cluster shares. */
  sharedFolders: z.array(folderDetailSchema),
  /** Lines 8, 9, 13 when set: this server's own queues. */
  workingFolders: z.array(folderDetailSchema),
  problems: problemCountsSchema,
  /** For a missing host: the lines that name it. */
  namedBy: z.array(hostMentionSchema).optional(),
  /**
   * A standalone server (no master host, no slaves) grouped here only because its Config path is
   * the cluster's shared Config folder: no member, and a problem (standalone-on-shared-config).
   */
  standalone: z.boolean().optional(),
});

const clusterSummarySchema = z.object({
  /** Stable for the same membership: the smallest member URI. */
  id: z.string(),
  /** The master host the nodes name, else the master's hostname, else the config folder, else the file. */
  label: z.string(),
  /** Master first, then slaves, then nodes of unknown role; files before missing hosts. */
  nodes: z.array(clusterNodeSchema),
  problems: problemCountsSchema,
});

export const clusterResponseSchema = z.object({
  clusters: z.array(clusterSummarySchema),
  /** Files named like node files that belong to other programs (left out): the view stays hidden when these are all there is. */
  foreignFiles: z.number().int().nonnegative().optional(),
});

// The model's types, written once as the schemas above (the service builds them, the client
// checks the answer against the same schemas).
export type NodeRole = z.infer<typeof nodeRoleSchema>;
export type RoleEvidence = z.infer<typeof roleEvidenceSchema>;
export type FolderLocation = z.infer<typeof folderLocationSchema>;
export type NodeDetail = z.infer<typeof nodeDetailSchema>;
export type FolderDetail = z.infer<typeof folderDetailSchema>;
export type IpBindingDetail = z.infer<typeof ipBindingDetailSchema>;
export type ProblemCounts = z.infer<typeof problemCountsSchema>;
export type HostMention = z.infer<typeof hostMentionSchema>;
export type ClusterNode = z.infer<typeof clusterNodeSchema>;
export type ClusterSummary = z.infer<typeof clusterSummarySchema>;
export type ClusterModel = z.infer<typeof clusterResponseSchema>;

const clusterChangedSchema = z.object({ version: z.number().int() });
export type ClusterChanged = z.infer<typeof clusterChangedSchema>;

export interface DescribeFilesParams {
  /** File URIs; files the server has not indexed are read from disk. */
  uris: string[];
}
const fileDescriptionSchema = z.object({
  uri: z.string(),
  /** False when the file could not be read (missing, too large). */
  readable: z.boolean(),
  role: nodeRoleSchema.optional(),
  hostname: z.string().optional(),
  serverId: z.string().optional(),
});
export const describeFilesResponseSchema = z.array(fileDescriptionSchema);
export type FileDescription = z.infer<typeof fileDescriptionSchema>;

// ---------------------------------------------------------------------------------------------
// Server status: for the benchmark and the robustness tests, not for users. Tells the process id (a
// test kills it), how many times diagnostics were published since start (so a benchmark can count
// the files one edit re-validated), memory, and the server-side latency from a document change
// arriving to its diagnostics being sent.

export const SERVER_STATUS_REQUEST = 'icewarp/serverStatus';

export interface ServerStatusParams {
  /** Clear the recorded latencies after answering (the next measurement starts afresh). */
  resetLatencies?: boolean;
}

export interface ServerStatus {
  pid: number;
  /** publishDiagnostics sent since the server started, one per validated (or cleared) file. */
  publishCount: number;
  rssBytes: number;
  heapUsedBytes: number;
  /** Milliseconds from a didOpen/didChange to the publishDiagnostics of that document, oldest first (the last 10,000). */
  changeToPublishMs: number[];
  /** Files marked for validation, validations under way and results held for a pause (0: nothing more will be published unasked). */
  pendingValidations: number;
  /** Folders walked for node files since the start beyond the first discovery: folders created on disk, Refresh. */
  folderWalks: number;
}

export const RESCAN_WORKSPACE_REQUEST = 'icewarp/rescanWorkspace';

export interface RescanResult {
  /** Node files the walk found (open documents included). */
  nodeFiles: number;
}

// ---------------------------------------------------------------------------------------------
// The custom messages, typed: client and server both send and handle these values, so params
// and answers agree at compile time. The method names above stay for callers outside
// TypeScript (tests that speak raw JSON-RPC, external tools).

/** The clusters of the workspace (takes no params; `{}` is accepted as well). */
export const clusterRequest = new RequestType0<ClusterModel, void>(CLUSTER_REQUEST);
/** Sent by the server after a round of publishing: the cluster model may have changed. */
export const clusterChangedNotification = new NotificationType<ClusterChanged>(CLUSTER_CHANGED_NOTIFICATION);
/** Role and hostname of given files, read from disk when not indexed. */
export const describeFilesRequest = new RequestType<DescribeFilesParams, FileDescription[], void>(DESCRIBE_FILES_REQUEST);
/** Process and publishing figures for the benchmark and the robustness tests. */
export const serverStatusRequest = new RequestType<ServerStatusParams, ServerStatus, void>(SERVER_STATUS_REQUEST);
/** The cluster view's Refresh: the workspace folders walked again, new node files read, vanished ones forgotten. */
export const rescanWorkspaceRequest = new RequestType0<RescanResult, void>(RESCAN_WORKSPACE_REQUEST);

// ---------------------------------------------------------------------------------------------
// Files of other programs: `path.dat` and `path.cfg` are not IceWarp's names alone. The server
// judges every file by its content (server/src/service/classify.ts) and tells the client the
// verdict on an open document; the client switches a foreign one to plain text.
//
// The user's "Treat as IceWarp settings file" travels as a notification, not as a setting: it is
// a choice about one file made in the editor (remembered in the workspace's state), not something
// a user writes in settings.json, and a setting would be re-read for every file of every folder.
// The client always sends the whole list, so the message is idempotent and is simply sent again
// when a restarted server starts.

export const FILE_KIND_NOTIFICATION = 'icewarp/fileKind';
export const FILE_KIND_OVERRIDES_NOTIFICATION = 'icewarp/fileKindOverrides';

const fileKindSchema = z.enum(['icewarp', 'foreign']);
export type FileKindName = z.infer<typeof fileKindSchema>;

/** The server's verdict on an open document: sent when it is first judged foreign and whenever it changes. */
export const fileKindParamsSchema = z.object({
  uri: z.string(),
  kind: fileKindSchema,
  /** Why, for the status item's tooltip: shapes and line numbers, never a value. */
  reasons: z.array(z.string()),
  /** The user's choice decided, not the text. */
  overridden: z.boolean(),
});
export type FileKindParams = z.infer<typeof fileKindParamsSchema>;

export interface FileKindOverridesParams {
  /** Every file the user treats as an IceWarp settings file whatever its content. */
  icewarp: string[];
}

/** Server -> client: an open document's verdict. */
export const fileKindNotification = new NotificationType<FileKindParams>(FILE_KIND_NOTIFICATION);
/** Client -> server: the files the user treats as IceWarp settings files (the whole list). */
export const fileKindOverridesNotification = new NotificationType<FileKindOverridesParams>(FILE_KIND_OVERRIDES_NOTIFICATION);
