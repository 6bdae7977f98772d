// The handshake: what the client says at initialize (its capabilities, position encodings,
// display language, folders, initializationOptions) and what the server answers (its own
// capabilities, the features' merged in); then, once initialized, the registrations the client
// allows, the first index of the workspace and who watches the disk (./fileWatching.ts). The
// settings sources follow what it said: workspace/configuration where the client can answer it,
// and its pushed didChangeConfiguration.
import {
  type ClientCapabilities,
  type Connection,
  DidChangeConfigurationNotification,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { EXPLAIN_BASE_URI_OPTION, MESSAGES_OPTION, VSCODE_EXTENSION_OPTION } from '../../../common/protocol';
import { isRecord } from '../../../common/isRecord';
import { isMessageBundle, setMessageLocale } from '../service';
import type { DocumentSync } from './documentSync';
import { type FileWatching, watchModeOf } from './fileWatching';
import { type PositionEncoding, negotiatePositionEncoding } from './positionEncoding';
import type { SettingsStore } from './settings';
import { CONFIGURATION_TIMEOUT_MS, PulledSettings, sectionOfInitializationOptions, sectionOfPushedSettings } from './settingsSources';
import type { Timers } from './timers';
import type { WorkspaceIndex } from './workspaceIndex';

/**
 * The client's display language, if it says one: a string that starts with a language subtag
 * (`cs`, `de-AT`, `cs_CZ.UTF-8`). Anything else (a number, an object, `constructor`) is no
 * language, and the messages stay English rather than the server failing to start.
 */
export function localeOf(params: { locale?: unknown }): string | undefined {
  const locale = params.locale;
  return typeof locale === 'string' && /^[a-z]{2,3}(?:[-_.@]|$)/i.test(locale) ? locale : undefined;
}

/** What initialize settled for the session, read by the rest of the server. */
export class ClientSession {
  /** What the client said it supports (empty before initialize). */
  capabilities: ClientCapabilities = {};
  /** The encoding the client counts positions in (UTF-16, LSP's default, until initialize). */
  positionEncoding: PositionEncoding = 'utf-16';
  /** initializationOptions.validationDelay (the tests, the bench) overrides icewarp.validation.delay. */
  validationDelayOverride: number | undefined;
  /** The extension's own client (initializationOptions.vscodeExtension): it gets IceWarp's notifications and watches the files itself. */
  vscodeExtension = false;
  /** The language of the server's messages, from the client's locale: 'en', or one with a bundle ('cs', 'de'). */
  messageLanguage = 'en';
  /** Where the client opens a code's page (initializationOptions.explainBaseUri): VS Code's explain link. */
  explainBaseUri: string | undefined;
}

export interface InitializeParts {
  connection: Connection;
  settings: SettingsStore;
  index: WorkspaceIndex;
  sync: DocumentSync;
  timers: Timers;
  /** Each feature's capabilities, merged into the server's answer. */
  featureCapabilities: readonly ServerCapabilities[];
  /** Node files changed on disk: the client's watchers, or the server's own. */
  watching: FileWatching;
  /** The host environment's language, used when the client sends no `locale`. */
  environmentLocale?: string;
}

/** Registers initialize, initialized and the pushed settings; fills `session` as the client answers. */
export function registerInitialize(session: ClientSession, { connection, settings, index, sync, timers, featureCapabilities, watching, environmentLocale }: InitializeParts): void {
  const pullEvents = {
    onUnanswered: () =>
      settings.logOnce(
        `The client has not answered workspace/configuration in ${CONFIGURATION_TIMEOUT_MS / 1000} s; using the settings from initializationOptions and workspace/didChangeConfiguration, else the defaults.`,
      ),
    onLateAnswer: () => {
      settings.logOnce('The client answered workspace/configuration after all; its settings apply from now on.');
      settings.changed();
    },
  };
  let canRegisterConfigurationChange = false;
  let canWatchWorkspaceFolders = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    session.capabilities = params.capabilities;
    // The language of every message from now on: the client's display language where a bundle has
    // it, with the messages the client passes (the browser's server has no disk to read them from);
    // a client that sends no locale (eglot, ALE) gets the language of the server's environment.
    const options: unknown = params.initializationOptions;
    const passed = isRecord(options) ? options[MESSAGES_OPTION] : undefined;
    const messages = isMessageBundle(passed) ? passed : undefined;
    session.messageLanguage = setMessageLocale(localeOf(params) ?? environmentLocale, messages);
    const positionEncoding = negotiatePositionEncoding(params.capabilities);
    session.positionEncoding = positionEncoding;
    const canPullConfiguration = params.capabilities.workspace?.configuration === true;
    settings.usePulled(canPullConfiguration ? new PulledSettings(connection, timers, pullEvents) : undefined);
    canRegisterConfigurationChange = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    canWatchWorkspaceFolders = params.capabilities.workspace?.workspaceFolders === true;
    index.setFolders(workspaceFoldersOf(params));
    const initializationOptions: unknown = params.initializationOptions;
    session.vscodeExtension = isRecord(initializationOptions) && initializationOptions[VSCODE_EXTENSION_OPTION] === true;
    settings.setInitial(sectionOfInitializationOptions(initializationOptions));
    if (isRecord(initializationOptions) && typeof initializationOptions[EXPLAIN_BASE_URI_OPTION] === 'string') session.explainBaseUri = initializationOptions[EXPLAIN_BASE_URI_OPTION];
    // Tests and the bench set 0: diagnostics right after each change.
    if (isRecord(initializationOptions) && typeof initializationOptions.validationDelay === 'number' && initializationOptions.validationDelay >= 0) {
      session.validationDelayOverride = initializationOptions.validationDelay;
    }
    return {
      capabilities: Object.assign(
        {
          positionEncoding,
          textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
          workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        },
        ...featureCapabilities,
      ),
      serverInfo: { name: 'IceWarp Cluster Config' },
    };
  });

  connection.onInitialized(async () => {
    if (canRegisterConfigurationChange) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'icewarp' });
    }
    // Also with no folder open yet: the user may add the first one later.
    if (canWatchWorkspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) =>
        sync.changeFolders(
          event.added.map((folder) => folder.uri),
          event.removed.map((folder) => folder.uri),
        ),
      );
    }
    await watching.start(watchModeOf(session.capabilities, session.vscodeExtension), sync.indexWorkspace());
  });

  connection.onDidChangeConfiguration((params) => {
    const push = sectionOfPushedSettings(params.settings);
    if (push.pushed) settings.setPushed(push.section);
    settings.changed();
  });
}

/**
 * The folders of the workspace: workspaceFolders, else rootUri, else the deprecated rootPath
 * (a file system path), which some clients still send alone.
 */
function workspaceFoldersOf(params: InitializeParams): string[] {
  const folders = (params.workspaceFolders ?? []).map((folder) => folder.uri);
  if (folders.length > 0) return folders;
  if (params.rootUri) return [params.rootUri];
  return typeof params.rootPath === 'string' && params.rootPath !== '' ? [URI.file(params.rootPath).toString()] : [];
}
