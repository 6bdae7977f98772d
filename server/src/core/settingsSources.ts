// Where the raw `icewarp` settings section comes from. Three sources, one shape (VS Code's
// settings object): the client's initializationOptions (`{ icewarp: {...} }`), the `settings`
// payload a client pushes with workspace/didChangeConfiguration (`{ icewarp: {...} }`), and,
// when the client can answer it, workspace/configuration pulled per resource. SettingsStore
// validates what they give with one schema and lays them over the defaults in that order.
import type { Connection } from 'vscode-languageserver';
import { isRecord } from '../../../common/isRecord';
import type { Cancel, Timers } from './timers';

export const SETTINGS_SECTION = 'icewarp';

/** How long a workspace/configuration request may go unanswered before the other sources apply. */
export const CONFIGURATION_TIMEOUT_MS = 5_000;

/** Where a settings section came from, as the log names it. */
export type SettingsOrigin = 'initializationOptions' | 'workspace/didChangeConfiguration' | 'workspace/configuration';

/** The `icewarp` object of initializationOptions; undefined when the client gave none. */
export function sectionOfInitializationOptions(options: unknown): unknown {
  return isRecord(options) ? options[SETTINGS_SECTION] : undefined;
}

/**
 * What a pushed didChangeConfiguration says about the section. An object payload is the
 * client's whole configuration, so one without `icewarp` clears what was pushed before; a null
 * payload (VS Code's pull model) only means "ask again".
 */
export function sectionOfPushedSettings(settings: unknown): { pushed: false } | { pushed: true; section: unknown } {
  return isRecord(settings) ? { pushed: true, section: settings[SETTINGS_SECTION] } : { pushed: false };
}

export interface SettingsSource {
  /** The raw `icewarp` section for a resource, unchecked; undefined when the source has none. */
  sectionFor(uri: string): Promise<unknown>;
}

export interface PullEvents {
  /** A request went unanswered for CONFIGURATION_TIMEOUT_MS: the source answers nothing until the client catches up. */
  onUnanswered(): void;
  /** The client answered a request after its timeout: what was answered before may be wrong, ask again. */
  onLateAnswer(): void;
}

interface PendingSection {
  uri: string;
  resolve: (raw: unknown) => void;
}

/**
 * Pulls sections from the client. Sections asked for in the same turn go out as one
 * workspace/configuration request with an item each: indexing 1,000 files asks once, not
 * 1,000 times (bench/run.ts, figure (d)). A client that does not answer in time gets no more
 * requests (they would pile up unanswered) until its late answer arrives.
 */
export class PulledSettings implements SettingsSource {
  private batch: PendingSection[] | undefined;
  private unanswered = false;

  constructor(
    private readonly connection: Connection,
    private readonly timers: Timers,
    private readonly events: PullEvents,
    private readonly timeoutMs = CONFIGURATION_TIMEOUT_MS,
  ) {}

  sectionFor(uri: string): Promise<unknown> {
    if (this.unanswered) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      if (!this.batch) {
        const batch: PendingSection[] = [];
        this.batch = batch;
        this.timers.nextTurn(() => {
          this.batch = undefined;
          this.request(batch);
        });
      }
      this.batch.push({ uri, resolve });
    });
  }

  private request(batch: readonly PendingSection[]): void {
    let settled = false;
    const settle = (answer: (item: PendingSection, index: number) => unknown): void => {
      settled = true;
      cancelTimeout();
      batch.forEach((item, index) => item.resolve(answer(item, index)));
    };
    const cancelTimeout: Cancel = this.timers.after(this.timeoutMs, () => {
      if (settled) return;
      settle(() => undefined);
      if (!this.unanswered) {
        this.unanswered = true;
        this.events.onUnanswered();
      }
    });
    this.connection.workspace.getConfiguration(batch.map((item) => ({ scopeUri: item.uri, section: SETTINGS_SECTION }))).then(
      (values: unknown[]) => {
        if (!settled) {
          settle((_item, index) => values[index]);
          return;
        }
        if (this.unanswered) {
          this.unanswered = false;
          this.events.onLateAnswer();
        }
      },
      // A client that fails the request has no settings for us: the other sources apply.
      () => {
        if (!settled) settle(() => undefined);
      },
    );
  }
}
