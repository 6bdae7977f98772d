// Settings per workspace folder, from every source a client may use (./settingsSources.ts), laid
// over the defaults in this order, later sources winning field by field:
//   defaults < initializationOptions < pushed didChangeConfiguration < pulled workspace/configuration
// Sections are pulled and validated once per folder, so 1,000 files of a folder ask once and
// parse once. A bad value falls back to what the earlier sources say, and
// problems are logged as a bounded summary, each once.
import {
  DEFAULT_SETTINGS,
  type Settings,
  type SettingsLayer,
  type SettingsProblem,
  applySettingsLayers,
  parseSettingsLayer,
} from '../../../common/protocol';
import type { SettingsOrigin, SettingsSource } from './settingsSources';

/** Lines one report may log; the rest is counted in a last line. */
const MAX_REPORT_LINES = 10;
/** Longest setting name or key quoted in the log (a key can be a megabyte long). */
const MAX_QUOTED_LENGTH = 80;
/** Problem lines remembered as reported, so a repeated problem is not logged again. */
const MAX_REMEMBERED_REPORTS = 1_000;

export type SettingsParser = (raw: unknown) => { layer: SettingsLayer; problems: SettingsProblem[] };

const ORIGIN_LABEL: Record<SettingsOrigin, string> = {
  initializationOptions: 'initializationOptions',
  'workspace/didChangeConfiguration': 'the settings pushed with workspace/didChangeConfiguration',
  'workspace/configuration': "the client's settings (workspace/configuration)",
};

export class SettingsStore {
  private pulled: SettingsSource | undefined;
  private initial: SettingsLayer = {};
  private pushed: SettingsLayer = {};
  /** Defaults, initializationOptions and the pushed settings: what every resource starts from. */
  private base: Settings = DEFAULT_SETTINGS;
  private readonly cache = new Map<string, Promise<Settings>>();
  /** Scopes whose section has been asked for and not answered yet. */
  private readonly asking = new Set<string>();
  /** The settings last answered per scope, kept until newer ones are answered. */
  private readonly answered = new Map<string, Settings>();
  private readonly reported = new Set<string>();
  private readonly listeners: (() => void)[] = [];
  private readonly scopeOf: (uri: string) => string;
  private readonly parse: SettingsParser;

  /**
   * @param log where invalid settings and unanswered requests are reported.
   * @param options.scopeOf the resource whose settings apply to a file: its workspace folder (as
   *   in VS Code, settings differ per folder, not per file), else the file itself.
   * @param options.parse validates one raw section (the shared schema's parser; tests count its calls).
   */
  constructor(
    private readonly log: (message: string) => void,
    options: { scopeOf?: (uri: string) => string; parse?: SettingsParser } = {},
  ) {
    this.scopeOf = options.scopeOf ?? ((uri) => uri);
    this.parse = options.parse ?? parseSettingsLayer;
  }

  /** The client's initializationOptions section (undefined: none). */
  setInitial(raw: unknown): void {
    this.initial = this.validated(raw, 'initializationOptions');
    this.rebase();
  }

  /** A section pushed with didChangeConfiguration replaces the one pushed before (undefined: none). */
  setPushed(raw: unknown): void {
    this.pushed = this.validated(raw, 'workspace/didChangeConfiguration');
    this.rebase();
  }

  /** Where per-resource sections are pulled from; none when the client cannot be asked. */
  usePulled(source: SettingsSource | undefined): void {
    this.pulled = source;
    this.cache.clear();
  }

  settingsFor(uri: string): Promise<Settings> {
    const source = this.pulled;
    if (!source) return Promise.resolve(this.base);
    const scope = this.scopeOf(uri);
    let settings = this.cache.get(scope);
    if (!settings) {
      this.asking.add(scope);
      // The answer is laid over the base as it is when the answer comes, pushes meanwhile included.
      settings = source.sectionFor(scope).then(
        (raw) => (raw === undefined || raw === null ? this.base : applySettingsLayers(this.base, this.validated(raw, 'workspace/configuration'))),
        () => this.base,
      );
      void settings.then((answer) => {
        this.asking.delete(scope);
        this.answered.set(scope, answer);
      });
      this.cache.set(scope, settings);
    }
    return settings;
  }

  /**
   * The settings known now for `uri`, without waiting: the last answer for its folder, or
   * undefined while the client has not answered yet (the caller checks again on settingsFor).
   */
  knownSettingsFor(uri: string): Settings | undefined {
    if (!this.pulled) return this.base;
    return this.answered.get(this.scopeOf(uri));
  }

  /** Settings may differ now: ask again, and tell every listener (in the order they came). */
  changed(): void {
    this.forgetAnswers();
    for (const listener of this.listeners) listener();
  }

  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Logs `message` unless it was logged before. */
  logOnce(message: string): void {
    if (this.reported.has(message)) return;
    if (this.reported.size < MAX_REMEMBERED_REPORTS) this.reported.add(message);
    this.log(message);
  }

  private rebase(): void {
    this.base = applySettingsLayers(DEFAULT_SETTINGS, this.initial, this.pushed);
    this.forgetAnswers();
  }

  /**
   * Drops the answers, so the next settingsFor asks again; never a question still open: the
   * client answers it after what it sent before, so its answer is as new as a push that came
   * meanwhile (eglot pushes its configuration as the server first asks for it; asking again
   * sent two requests at once for one folder).
   */
  private forgetAnswers(): void {
    for (const scope of this.cache.keys()) if (!this.asking.has(scope)) this.cache.delete(scope);
  }

  private validated(raw: unknown, origin: SettingsOrigin): SettingsLayer {
    const { layer, problems } = this.parse(raw);
    if (problems.length > 0) this.report(problems, origin);
    return layer;
  }

  /** One line per invalid setting; the invalid entries of a map are one line with a count and examples. */
  private report(problems: readonly SettingsProblem[], origin: SettingsOrigin): void {
    const lines = problems.map((problem) => {
      const where = ORIGIN_LABEL[origin];
      const invalid = problem.invalidKeys;
      if (!invalid) return `Invalid setting ${quote(problem.setting)} in ${where} (${quote(problem.message)}); using its default.`;
      if (invalid.count === 1) return `Invalid setting ${quote(`${problem.setting}.${invalid.examples[0]}`)} in ${where} (${problem.message}); using its default.`;
      const examples = invalid.examples.map((key) => `\`${quote(key)}\``).join(', ');
      const more = invalid.count > invalid.examples.length ? ', ...' : '';
      return `Invalid setting ${problem.setting} in ${where}: ${invalid.count} entries (${examples}${more}) are invalid (${problem.message}); they use their defaults.`;
    });
    for (const line of lines.slice(0, MAX_REPORT_LINES)) this.logOnce(line);
    if (lines.length > MAX_REPORT_LINES) this.logOnce(`... and ${lines.length - MAX_REPORT_LINES} more invalid settings in ${ORIGIN_LABEL[origin]}.`);
  }
}

/** Bounded and on one line: a key can be a megabyte long or hold line breaks. */
function quote(text: string): string {
  const line = text.slice(0, MAX_QUOTED_LENGTH).replace(/[\r\n]/g, ' ');
  return text.length > MAX_QUOTED_LENGTH ? `${line}…` : line;
}
