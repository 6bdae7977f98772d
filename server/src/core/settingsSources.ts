// Where the raw `icewarp` settings section of a resource comes from. Today the server pulls it
// from the client (workspace/configuration). A source for settings pushed with
// didChangeConfiguration, or given in initializationOptions, implements the same interface;
// SettingsStore validates and caches whatever a source answers.
import type { Connection } from 'vscode-languageserver';
import type { Timers } from './timers';

export interface SettingsSource {
  /** The raw `icewarp` section for a resource, unchecked; rejects when it cannot be had. */
  sectionFor(uri: string): Promise<unknown>;
}

export const SETTINGS_SECTION = 'icewarp';

interface PendingSection {
  uri: string;
  resolve: (raw: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Pulls sections from the client. Sections asked for in the same turn go out as one
 * workspace/configuration request with an item each: indexing 1,000 files asks once, not
 * 1,000 times (bench/run.ts, figure (d)).
 */
export class PulledSettings implements SettingsSource {
  private batch: PendingSection[] | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly timers: Timers,
  ) {}

  sectionFor(uri: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      if (!this.batch) {
        const batch: PendingSection[] = [];
        this.batch = batch;
        this.timers.nextTurn(() => {
          this.batch = undefined;
          this.request(batch);
        });
      }
      this.batch.push({ uri, resolve, reject });
    });
  }

  private request(batch: readonly PendingSection[]): void {
    this.connection.workspace.getConfiguration(batch.map((item) => ({ scopeUri: item.uri, section: SETTINGS_SECTION }))).then(
      (values: unknown[]) => batch.forEach((item, index) => item.resolve(values[index])),
      (error: unknown) => batch.forEach((item) => item.reject(error)),
    );
  }
}
