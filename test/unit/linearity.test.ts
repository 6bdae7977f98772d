// Every pattern over user text is linear: each of the 17 fields gets a long run of one character
// class (between two other characters, the shape that makes `/[ \t]+$/` scan the run from every
// position), and parsing, validating and every editor feature must cost a bounded multiple of a
// plain `split` of the same text. Never an absolute time: both sides are measured here, on the same
// text. Work that looks at each character in JavaScript costs a few hundred splits (a split is a
// native scan); a quadratic pattern costs about 10^5 splits at 16 KB and 10^7 at 1 MB, and used to
// block the server for seconds per keystroke.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FIELD_COUNT, Workspace, completions, documentSymbols, hover, inlayHints, parseNodeFile, semanticTokens, validate } from '../../server/src/service';
import { LINUX_MASTER, nodeText, withValues } from './helpers';

/** How many splits of the same text parsing, validation and every feature may cost together. */
const BOUND = 5_000;
/** A small size first, so that a quadratic pattern fails in a second instead of an hour; then 1 MB. */
const SIZES = [16 * 1024, 1024 * 1024];

const CLASSES: Record<string, string> = {
  spaces: ' ',
  tabs: '\t',
  backslashes: '\\',
  slashes: '/',
  semicolons: ';',
  bars: '|',
  commas: ',',
  letters: 'a',
  digits: '7',
  dots: '.',
  NUL: '\u0000',
  unicode: 'é\u{1F511}',
};

const URI = 'file:///ws/a/path.dat';

/** What a keystroke and the validation after it cost, then every feature once on every line. */
function everything(text: string): void {
  const workspace = new Workspace();
  const node = parseNodeFile(URI, text);
  workspace.set(node);
  workspace.dependents(URI);
  validate(node, workspace);
  for (let line = 0; line < FIELD_COUNT; line++) {
    hover(node, { line, character: 0 });
    completions(node, { line, character: Math.floor(node.lines[line].text.length / 2) }, workspace);
  }
  documentSymbols(node);
  inlayHints(node);
  semanticTokens(node);
}

function elapsed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** The fastest of `times` runs: the work's own cost, without a GC pause or a busy neighbour. */
function fastest(times: number, run: () => void): number {
  let best = Infinity;
  for (let index = 0; index < times; index++) best = Math.min(best, elapsed(run));
  return best;
}

for (const [name, unit] of Object.entries(CLASSES)) {
  test(`a long run of ${name} in any field costs a bounded multiple of splitting the text`, () => {
    for (const size of SIZES) {
      for (let line = 1; line <= FIELD_COUNT; line++) {
        const text = nodeText(withValues(LINUX_MASTER, { [line]: `x${unit.repeat(Math.ceil(size / unit.length))}x` }), '\n', FIELD_COUNT);
        const split = fastest(9, () => text.split(/\r\n|\n|\r/));
        let cost = elapsed(() => everything(text));
        // Measured again only when over the bound, so a pause of the machine is not a failure.
        if (cost > BOUND * split) cost = Math.min(cost, fastest(2, () => everything(text)));
        assert.ok(cost <= BOUND * split, `${size} characters of ${name} on line ${line}: ${cost.toFixed(1)} ms, ${(cost / split).toFixed(0)} splits of the text (${split.toFixed(3)} ms)`);
      }
    }
  });
}
