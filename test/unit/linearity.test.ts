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

// Cross-node work: a keystroke re-validates every node that depends on the edited one. Among
// identical copies of a node (a backup-folder layout) each of them shares every identity with
// all the others; naming and locating every other copy in each copy's findings made a keystroke
// quadratic in the copies (300 copies: seconds). The same keystroke in a cluster of as many
// distinct nodes re-validates as many nodes: that is the floor, measured here on the same machine.

/** Node k (1-based) of one cluster: node 1 the master, the first four slaves listed. */
function clusterMember(k: number): string {
  const host = (n: number) => `mx${n}.big.example.net`;
  return nodeText(
    withValues(LINUX_MASTER, {
      1: '/mnt/big/config/',
      4: `${1000 + k}`,
      10: `10.9.${Math.floor(k / 200)}.${10 + (k % 200)}`,
      11: host(k),
      14: k === 1 ? '0' : '1',
      15: host(1),
      16: [2, 3, 4, 5].map(host).join(';'),
    }),
  );
}

/** One keystroke in the first of `texts.length` nodes: the index updated and every node that depends on it validated. */
function keystrokeAmong(texts: readonly string[]): number {
  const workspace = new Workspace();
  const uri = (index: number) => `file:///backup/${String(index).padStart(4, '0')}/path.dat`;
  texts.forEach((text, index) => workspace.set(parseNodeFile(uri(index), text)));
  for (const node of workspace.all()) validate(node, workspace);
  const edited = [texts[0].replace('license.key', 'license2.key'), texts[0]];
  let edit = 0;
  return fastest(3, () => {
    const dependents = workspace.dependents(uri(0));
    workspace.set(parseNodeFile(uri(0), edited[edit++ % 2]));
    for (const each of workspace.dependents(uri(0))) dependents.add(each);
    assert.equal(dependents.size, texts.length);
    for (const each of dependents) validate(workspace.get(each)!, workspace);
  });
}

test('a keystroke among 300 identical copies of a node costs a few times the same keystroke in a cluster of 300 distinct nodes', () => {
  const copies = keystrokeAmong(Array.from({ length: 300 }, () => clusterMember(2)));
  const distinct = keystrokeAmong(Array.from({ length: 300 }, (_, index) => clusterMember(index + 1)));
  // Every copy has four findings with ten related locations each; the distinct nodes have none.
  assert.ok(copies <= 8 * distinct, `300 copies: ${copies.toFixed(1)} ms, 300 distinct nodes: ${distinct.toFixed(1)} ms (${(copies / distinct).toFixed(1)}x)`);
});
