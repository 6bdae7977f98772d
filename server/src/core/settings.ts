// Settings per resource: asked of a source once per resource until they change, validated
// field by field (a bad value falls back to its default), each problem reported once.
import { DEFAULT_SETTINGS, Settings, parseSettings } from '../../../common/protocol';
import type { SettingsSource } from './settingsSources';

export class SettingsStore {
  private source: SettingsSource | undefined;
  private readonly cache = new Map<string, Promise<Settings>>();
  private readonly reportedProblems = new Set<string>();
  private readonly listeners: (() => void)[] = [];

  /** @param warn where an invalid setting is reported (once per setting and problem). */
  constructor(private readonly warn: (message: string) => void) {}

  /** Without a source (the client cannot be asked) every resource gets the defaults. */
  useSource(source: SettingsSource | undefined): void {
    this.source = source;
    this.cache.clear();
  }

  settingsFor(uri: string): Promise<Settings> {
    const source = this.source;
    if (!source) return Promise.resolve(DEFAULT_SETTINGS);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = source.sectionFor(uri).then(
        (raw) => this.validated(raw),
        () => DEFAULT_SETTINGS,
      );
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** The client says settings changed: ask again, and tell every listener (in the order they came). */
  changed(): void {
    this.cache.clear();
    for (const listener of this.listeners) listener();
  }

  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private validated(raw: unknown): Settings {
    const { settings, problems } = parseSettings(raw);
    for (const problem of problems) {
      const key = `${problem.setting}: ${problem.message}`;
      if (this.reportedProblems.has(key)) continue;
      this.reportedProblems.add(key);
      this.warn(`Invalid setting ${problem.setting} (${problem.message}); using its default.`);
    }
    return settings;
  }
}
