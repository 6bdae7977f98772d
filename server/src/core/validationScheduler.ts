// When to validate: in rounds. Every event (an open, a keystroke, a peer's change, a file created
// or deleted, new settings) marks the files it affects; a round validates each marked file once,
// on the next turn after the last event, and never while a change is still being applied (a file
// read from disk, a folder walked). So 60 files created at once, or Close All of 60 nodes of one
// cluster, validate each node once rather than once per event (N(N+1)/2 before).
// Whether a file's new diagnostics are shown at once or after a pause is the publisher's call;
// the scheduler only tells it whether typing alone marked the file.
import type { Cancel, Timers } from './timers';

/** Releases a hold taken with `hold()`; a second call does nothing. */
export type Release = () => void;

export class ValidationScheduler {
  /** Files to validate in the next round: true when only keystrokes marked them. */
  private readonly due = new Map<string, boolean>();
  private round: Cancel | undefined;
  private holds = 0;
  private disposed = false;

  constructor(
    private readonly validate: (uri: string, typed: boolean) => void,
    private readonly timers: Timers,
  ) {}

  /**
   * Validates `uri` in the next round. `typed`: a keystroke (in the file or a peer) marked it,
   * so a problem found newly may wait for a pause in typing; an open, a file on disk or new
   * settings show everything at once. Marked both ways in one round, it counts as not typed.
   */
  schedule(uri: string, typed = false): void {
    if (this.disposed) return;
    this.due.set(uri, typed && (this.due.get(uri) ?? true));
    this.requestRound();
  }

  /**
   * Keeps the next round from running until the returned release is called: taken while a
   * change is applied asynchronously, so the files it affects are validated with those of the
   * events that arrive meanwhile, once.
   */
  hold(): Release {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      if (this.holds === 0 && this.due.size > 0) this.requestRound();
    };
  }

  /** Runs `change` under a hold. */
  async holding<T>(change: () => Promise<T>): Promise<T> {
    const release = this.hold();
    try {
      return await change();
    } finally {
      release();
    }
  }

  /** Files marked and not validated yet, plus the changes holding the round (0: idle). */
  get pending(): number {
    return this.due.size + this.holds;
  }

  /** Drops every validation not yet run (the server stops). */
  dispose(): void {
    this.disposed = true;
    this.round?.();
    this.round = undefined;
    this.due.clear();
  }

  /** A round on the next turn, pushed back by every event until they stop coming. */
  private requestRound(): void {
    this.round?.();
    this.round = this.timers.nextTurn(() => {
      this.round = undefined;
      this.runRound();
    });
  }

  private runRound(): void {
    // A change is still being applied: its release starts the round.
    if (this.holds > 0) return;
    const files = [...this.due];
    this.due.clear();
    for (const [uri, typed] of files) this.validate(uri, typed);
  }
}
