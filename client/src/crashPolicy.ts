// The restart policy for the language server, kept free of `vscode` imports so a unit test can
// drive it with a fake clock.

export interface CrashPolicyOptions {
  /** Crashes allowed inside the window; the next one inside it stops the restarts. */
  maxCrashes: number;
  windowMs: number;
  now?: () => number;
}

export type CrashDecision = { action: 'restart' } | { action: 'give-up'; crashes: number; windowMs: number };

/**
 * Restarts a crashed server until `maxCrashes` crashes fall inside `windowMs`; then gives up for
 * good, so a server that dies at start-up does not restart forever.
 */
export class CrashPolicy {
  private readonly crashTimes: number[] = [];
  private gaveUp = false;
  private readonly now: () => number;

  constructor(private readonly options: CrashPolicyOptions) {
    this.now = options.now ?? Date.now;
  }

  get hasGivenUp(): boolean {
    return this.gaveUp;
  }

  recordCrash(): CrashDecision {
    const time = this.now();
    this.crashTimes.push(time);
    while (this.crashTimes.length > 0 && time - this.crashTimes[0] > this.options.windowMs) {
      this.crashTimes.shift();
    }
    if (this.gaveUp || this.crashTimes.length >= this.options.maxCrashes) {
      this.gaveUp = true;
      return { action: 'give-up', crashes: this.crashTimes.length, windowMs: this.options.windowMs };
    }
    return { action: 'restart' };
  }
}
