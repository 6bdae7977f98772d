// Waiting, without Node's globals: the connection library's runtime layer gives the host's own
// timers (in Node its "next turn" is setImmediate; a 0 ms setTimeout would wait at least 1 ms,
// a fifth of the keystroke budget, bench/run.ts figure (c)).
import { RAL } from 'vscode-languageserver';

/** Stops a callback that has not run yet. */
export type Cancel = () => void;

export interface Timers {
  /** Runs `callback` on the next turn of the event loop, after the I/O already queued. */
  nextTurn(callback: () => void): Cancel;
  /** Runs `callback` after `ms` milliseconds. */
  after(ms: number, callback: () => void): Cancel;
}

export const runtimeTimers: Timers = {
  nextTurn(callback) {
    const handle = RAL().timer.setImmediate(callback);
    return () => handle.dispose();
  },
  after(ms, callback) {
    const handle = RAL().timer.setTimeout(callback, ms);
    return () => handle.dispose();
  },
};
