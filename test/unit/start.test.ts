// `npm start -- <folder>` opens any folder instead of the demo (scripts/start.mjs). What can be
// checked without code-server: which folder its arguments choose, and that a wrong one stops with
// a clear message before anything is built or started. The demo run itself is CI's smoke check
// (`node scripts/start.mjs --smoke`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(__dirname, '../..');
const START = path.join(ROOT, 'scripts', 'start.mjs');
const DEMO = path.join(ROOT, 'examples', 'cluster');

interface StartOptions {
  folder: string;
  demo: boolean;
  port: number | undefined;
  web: boolean;
  smoke: boolean;
}
type ParseStartArguments = (args: string[], where: { cwd: string }) => StartOptions;

// A computed specifier: start.mjs is plain JavaScript without declarations, so its export is
// typed here by hand.
const loadParser = async (): Promise<ParseStartArguments> => ((await import(pathToFileURL(START).href)) as { parseStartArguments: ParseStartArguments }).parseStartArguments;

test('without a folder npm start opens the demo cluster; the options keep working', async () => {
  const parse = await loadParser();
  assert.deepEqual(parse([], { cwd: ROOT }), { folder: DEMO, demo: true, port: undefined, web: false, smoke: false });
  assert.deepEqual(parse(['--port', '9000', '--web'], { cwd: ROOT }), { folder: DEMO, demo: true, port: 9000, web: true, smoke: false });
  assert.equal(parse(['--smoke'], { cwd: ROOT }).smoke, true);
});

test('npm start -- <folder> opens that folder, a relative one taken from where npm was run', async () => {
  const parse = await loadParser();
  const where = mkdtempSync(path.join(tmpdir(), 'icewarp-start-'));
  try {
    assert.deepEqual(parse([where, '--port', '9001'], { cwd: ROOT }), { folder: where, demo: false, port: 9001, web: false, smoke: false });
    assert.equal(parse(['examples/cluster/mx1'], { cwd: ROOT }).folder, path.join(DEMO, 'mx1'));
    assert.equal(parse(['..'], { cwd: path.join(DEMO, 'mx1') }).folder, DEMO);
    assert.equal(parse(['..'], { cwd: path.join(DEMO, 'mx1') }).demo, false, 'a folder named is opened as the user\'s own, even the demo');
  } finally {
    rmSync(where, { recursive: true, force: true });
  }
});

test('a folder that does not exist, a file, two folders or an unknown option stop with a message that says what to give', async () => {
  const parse = await loadParser();
  const where = mkdtempSync(path.join(tmpdir(), 'icewarp-start-'));
  try {
    const file = path.join(where, 'path.dat');
    writeFileSync(file, '\n');
    assert.throws(() => parse([path.join(where, 'missing')], { cwd: ROOT }), { message: `There is no folder ${path.join(where, 'missing')}: give the folder that holds your path.cfg / path.dat (for example /opt/icewarp).` });
    assert.throws(() => parse(['path.dat'], { cwd: where }), { message: `${file} is a file, not a folder: give the folder that holds it (${where}).` });
    assert.throws(() => parse([where, DEMO], { cwd: ROOT }), /^Error: One folder at a time, not 2/);
    assert.throws(() => parse(['--prot', '9000'], { cwd: ROOT }), /^Error: Unknown option --prot\.\nUsage: npm start/);
    assert.throws(() => parse(['--port'], { cwd: ROOT }), /--port needs a port number, not nothing/);
    assert.throws(() => parse([where, '--smoke'], { cwd: ROOT }), /--smoke checks the demo cluster/);
  } finally {
    rmSync(where, { recursive: true, force: true });
  }
});

test('run as npm runs it, a missing folder exits 1 with the message, before the build', () => {
  const missing = path.join(tmpdir(), 'icewarp-start-no-such-folder');
  const run = spawnSync(process.execPath, [START, 'icewarp-start-no-such-folder'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, INIT_CWD: tmpdir() }, timeout: 30_000 });
  assert.equal(run.status, 1, run.stderr);
  assert.equal(run.stderr.trim(), `There is no folder ${missing}: give the folder that holds your path.cfg / path.dat (for example /opt/icewarp).`);
  assert.doesNotMatch(run.stdout, /Building/);
});
