// When to validate: a typed keystroke waits for the debounce, anything else (an open, a peer's
// change, new settings) runs on the next turn. A file scheduled again before it ran is
// validated once, at the later time.
import type { Cancel, Timers } from './timers';

export class ValidationScheduler {
  private readonly pending = new Map<string, Cancel>();

  constructor(
    private readonly validate: (uri: string) => void,
    private readonly timers: Timers,
  ) {}

  /** Validates `uri` after `delay` ms; 0 means the next turn of the event loop. */
  schedule(uri: string, delay: number): void {
    this.pending.get(uri)?.();
    const run = () => {
      this.pending.delete(uri);
      this.validate(uri);
    };
    this.pending.set(uri, delay <= 0 ? this.timers.nextTurn(run) : this.timers.after(delay, run));
  }

  /** Drops every validation not yet run (the server stops). */
  dispose(): void {
    for (const cancel of this.pending.values()) cancel();
    this.pending.clear();
  }
}
