// What the shared client (../extension.ts) needs from the extension host it runs in: a language
// client whose server runs somewhere, and the parts that need the local machine. The Node host
// (./nodeClient.ts) spawns the server and reads the machine's disk; the browser host
// (./browserClient.ts) runs the server in its own worker and reaches nothing but the workspace.
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import type { ServerNotifier } from '../serverErrors';
import type { WriteAccessCheck } from '../cluster/writableFiles';
import type * as features from '../features';
import type { LiveEngine } from '../../../common/liveCluster';

export const OUTPUT_CHANNEL_NAME = 'IceWarp Cluster Config';
/** The client id is also the settings prefix the library reads `trace.server` from: `icewarp.trace.server`. */
export const CLIENT_ID = 'icewarp';

export interface ClientHost {
  readonly kind: 'node' | 'browser';
  createClient(clientOptions: LanguageClientOptions, notifier: ServerNotifier): IceWarpLanguageClient;
  /** Why the server cannot start, known before trying (say, its bundle is missing). */
  startProblem?(): string | undefined;
  /**
   * Open Settings File's look beyond the workspace (`icewarp.installPath`, IceWarp's default
   * install folders); undefined where this machine's folders cannot be read (the browser).
   */
  readonly installFolders: InstallFolders | undefined;
  /** Whether a file may be written, before a cluster change is previewed. */
  readonly writeAccess: WriteAccessCheck;
  /** The demo (`npm start`) asks for the walkthrough at start-up, through the environment. */
  readonly openWalkthroughOnStart: boolean;
  /** The live cluster engine (pull / push over ssh), loaded when a command needs it; absent where no ssh can run (the browser). */
  readonly loadLiveEngine?: () => LiveEngine;
  /** ../features.ts, loaded when asked: the Node host from a bundle of its own, the browser's from its one bundle. */
  loadFeatures(): typeof features;
}

export interface InstallFolders {
  /** The paths, of those given, that are files on this machine. */
  existingFiles(fsPaths: readonly string[]): Promise<string[]>;
}

/**
 * The schemes whose documents are nodes: the disk's and those of the workspace's folders. In a
 * remote window (`remoteName` set: Remote-SSH, WSL, a container, code-server) also
 * `vscode-remote`: this extension host sees the files as `file`, but the editor's menus and the
 * Command Palette judge the resource by the window's URI of it, which is `vscode-remote`.
 * Never `git` or any other view of a node file, which would count as a second node.
 */
export function nodeFileSchemes(folderSchemes: readonly string[], remoteName?: string): string[] {
  return [...new Set(['file', ...folderSchemes, ...(remoteName ? ['vscode-remote'] : [])])];
}

export interface IceWarpLanguageClient extends BaseLanguageClient {
  /** While the first start is in flight, activate() reports a failure itself, in clearer words. */
  suppressForcedNotifications: boolean;
  /** The library's last "Server process exited with code N." line: a clearer reason than a disposed connection. */
  readonly lastServerExit: string | undefined;
}

// TypeScript's mixin pattern: the base's constructor is taken with any arguments and passed on
// untouched, so each host keeps its client library's own constructor.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ClientClass = abstract new (...args: any[]) => BaseLanguageClient;

/**
 * The language client of either host, with the library's forced error pop-ups routed through
 * `notifier`, so the user sees one message with a "Show Output" button instead of one per
 * failed attempt.
 */
export function oneNotificationClient<Base extends ClientClass>(base: Base) {
  abstract class OneNotificationClient extends base implements IceWarpLanguageClient {
    suppressForcedNotifications = true;
    lastServerExit: string | undefined;
    /** Set by the host right after construction (a mixin's constructor takes no arguments of its own). */
    notifier: ServerNotifier | undefined;

    // The library passes its "show a notification" flag where `data` belongs when it reports a
    // restart, which printed a bare "false" line in the output channel.
    override info(message: string, data?: unknown, showNotification: boolean = true): void {
      if (typeof data === 'boolean') super.info(message, undefined, data);
      else super.info(message, data, showNotification);
    }

    override error(message: string, data?: unknown, showNotification: boolean | 'force' = true): void {
      if (message.startsWith('Server process exited')) this.lastServerExit = message.replace(/\.$/, '').toLowerCase();
      if (showNotification !== 'force') {
        super.error(message, data, showNotification);
        return;
      }
      super.error(message, data, false);
      if (!this.suppressForcedNotifications) {
        this.notifier?.showServerErrorOnce(message);
      }
    }
  }
  return OneNotificationClient;
}
