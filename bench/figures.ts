// What every figure of `npm run bench` is made of: a value, and where it has one, the floor it is
// judged against (`node -e 0`, reading the same files, a bare vscode-languageserver) measured in
// the same run, interleaved, and the ratio of the two. A budget is set on the ratio wherever the
// work competes for the machine with its floor, so that a loaded machine moves both sides; only
// memory and counts are judged as they are. Every figure carries the load average it was
// measured under: a ratio from a loaded machine is a hint, not a verdict.
import * as os from 'node:os';

export interface Floor {
  /** What the floor is, e.g. "node -e 0" or "find | xargs cat of the 10000 files". */
  label: string;
  value: number;
  unit: string;
}

export interface Budget {
  max: number;
  inclusive: boolean;
  /** How it reads in the table, e.g. "<= 3x reading the files". */
  text: string;
  /** What is judged: the ratio to the floor (the default when there is a floor) or the value itself. */
  on?: 'ratio' | 'value';
}

export interface Figure {
  id: string;
  label: string;
  value: number;
  unit: string;
  floor?: Floor;
  /** value / floor.value. */
  ratio?: number;
  budget?: Budget;
  met?: boolean;
  detail?: string;
  /** The one-minute load average when the figure was recorded. */
  load?: number;
}

export type FigureInput = Omit<Figure, 'met' | 'ratio' | 'load'>;
export type Record = (figure: FigureInput) => void;

export function judged(figure: FigureInput): Figure {
  const ratio = figure.floor && figure.floor.value > 0 ? figure.value / figure.floor.value : undefined;
  const on = figure.budget?.on ?? (ratio === undefined ? 'value' : 'ratio');
  const judgedValue = on === 'ratio' ? ratio : figure.value;
  const met = figure.budget && judgedValue !== undefined ? (figure.budget.inclusive ? judgedValue <= figure.budget.max : judgedValue < figure.budget.max) : undefined;
  return { ...figure, ...(ratio === undefined ? {} : { ratio }), ...(met === undefined ? {} : { met }), load: loadAverage() };
}

/** One line per figure: the value, its floor and the ratio, the budget and the load. */
export function describe(figure: Figure, quick: boolean): string {
  const parts = [`  ${figure.label}: ${format(figure.value, figure.unit)}`];
  if (figure.detail) parts.push(` (${figure.detail})`);
  if (figure.floor) parts.push(`; floor ${figure.floor.label}: ${format(figure.floor.value, figure.floor.unit)}; ratio ${format(figure.ratio ?? NaN, 'x')}`);
  if (figure.budget) parts.push(`; budget ${figure.budget.text}: ${verdict(figure, quick)}`);
  parts.push(`; load ${figure.load?.toFixed(1)}`);
  return parts.join('');
}

export function verdict(figure: Figure, quick: boolean): string {
  if (figure.met === undefined) return '';
  if (quick) return '(quick)';
  return figure.met ? 'met' : 'MISSED';
}

export function loadAverage(): number {
  return os.loadavg()[0];
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export function format(value: number, unit: string): string {
  if (unit === 'x') return `${value.toFixed(2)}x`;
  if (unit === 'ms') return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
  if (unit === 'KB') return `${value.toFixed(1)} KB`;
  if (unit === 'MB') return `${value.toFixed(1)} MB`;
  if (unit === '%') return `${value.toFixed(2)} %`;
  return `${value} ${unit}`;
}
