// How the client tells the user that the language server is in trouble: at most one notification
// per episode, always with a "Show Output" button, and no restart storm.
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult } from 'vscode-languageclient';
import { CrashPolicy } from './crashPolicy';


/**
 * Shows one error notification until `reset()` (a successful start) is called again, so a crash
 * loop or a failed start produces one message, not a stack of them.
 */
export class ServerNotifier {
  private shownInEpisode = false;
  /** Every message shown, oldest first: the test API exposes it. */
  readonly shown: string[] = [];

  constructor(private readonly outputChannel: vscode.OutputChannel) {}

  reset(): void {
    this.shownInEpisode = false;
  }

  /** The language client's own error (English, from the library), said as ours. */
  showServerErrorOnce(message: string): void {
    this.showErrorOnce(vscode.l10n.t('IceWarp language server: {0}', message));
  }

  showErrorOnce(message: string): void {
    if (this.shownInEpisode) return;
    this.shownInEpisode = true;
    this.shown.push(message);
    const showOutput = vscode.l10n.t('Show Output');
    void vscode.window.showErrorMessage(message, showOutput).then((choice) => {
      if (choice === showOutput) this.outputChannel.show(true);
    });
  }
}

/**
 * Restarts the server after a crash until 4 crashes fall within 3 minutes, then stops and says
 * so once (the library's default handler would also show its own messages on every failure).
 */
export class CrashAwareErrorHandler implements ErrorHandler, vscode.Disposable {
  private readonly policy: CrashPolicy;
  private readonly gaveUpEmitter = new vscode.EventEmitter<string>();
  /** Fires, with the message, when the handler refuses to restart the server. */
  readonly onDidGiveUp = this.gaveUpEmitter.event;

  get hasGivenUp(): boolean {
    return this.policy.hasGivenUp;
  }

  constructor(
    private readonly notifier: ServerNotifier,
    private readonly outputChannel: vscode.OutputChannel,
    policy?: CrashPolicy,
  ) {
    this.policy = policy ?? new CrashPolicy({ maxCrashes: 4, windowMs: 3 * 60 * 1000 });
  }

  error(): ErrorHandlerResult {
    // A crashed server first shows up here, as one write error (EPIPE) per message in flight;
    // counting those would shut the client down before closed() could restart it. Restarts are
    // decided when the connection closes; the library has already logged the error itself.
    return { action: ErrorAction.Continue, handled: true };
  }

  dispose(): void {
    this.gaveUpEmitter.dispose();
  }

  closed(): CloseHandlerResult {
    const decision = this.policy.recordCrash();
    if (decision.action === 'restart') {
      this.outputChannel.appendLine('The IceWarp language server stopped unexpectedly; restarting it.');
      return { action: CloseAction.Restart, handled: true };
    }
    const minutes = Math.round(decision.windowMs / 60000);
    this.outputChannel.appendLine(`The IceWarp language server crashed ${decision.crashes} times in the last ${minutes} minutes and will not be restarted. Reload the window to try again.`);
    const message = vscode.l10n.t('The IceWarp language server crashed {0} times in the last {1} minutes and will not be restarted. Reload the window to try again.', decision.crashes, minutes);
    this.notifier.showErrorOnce(message);
    this.gaveUpEmitter.fire(message);
    return { action: CloseAction.DoNotRestart, handled: true };
  }
}
