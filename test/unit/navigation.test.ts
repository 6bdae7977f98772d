// Navigation across nodes (service): definition, references, highlights, workspace symbols, and
// the hover note for a host with no node file, on realistic clusters.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { definition, documentHighlights, hostFileNotes, hover, parseNodeFile, references, workspaceSymbols } from '../../server/src/service';
import { LIN, LONER, LONER_TEXT, PASSWORDS, WIN, linuxCluster, windowsCluster, workspaceOf } from './clusterFixtures';

const at = (line: number, character: number) => ({ line: line - 1, character });
/** `uri#line` of each location, 1-based lines as the user reads them. */
const places = (locations: readonly { uri: string; range: { start: { line: number } } }[]) => locations.map((location) => `${location.uri}#${location.range.start.line + 1}`).sort();

describe('Go to Definition', () => {
  const files = { ...windowsCluster(3), ...linuxCluster(7), [LONER]: LONER_TEXT };
  const workspace = workspaceOf(files);
  const node = (uri: string) => workspace.get(uri)!;

  test('on the master host of line 15 opens the master at its hostname line', () => {
    const result = definition(node(WIN(3)), at(15, 3), workspace);
    assert.deepEqual(places(result), [`${WIN(1)}#11`]);
    assert.deepEqual(result[0].range, node(WIN(1)).field.hostname.value.range);
  });

  test('on a slave host of line 16 opens that slave; the host compares as DNS does (case, trailing dot)', () => {
    const text = files[WIN(1)].replace('mx2.example.net;mx3.example.net', 'MX2.Example.NET.;mx3.example.net');
    const master = parseNodeFile(WIN(1), text);
    workspace.set(master);
    try {
      assert.deepEqual(places(definition(master, at(16, 2), workspace)), [`${WIN(2)}#11`]);
      assert.deepEqual(places(definition(master, at(16, 'MX2.Example.NET.;'.length + 1), workspace)), [`${WIN(3)}#11`]);
    } finally {
      workspace.set(parseNodeFile(WIN(1), files[WIN(1)]));
    }
  });

  test('on an IP of line 16 opens the node that binds it (line 10); on an IP of line 10, the other nodes binding it', () => {
    const master = parseNodeFile(LIN(1), files[LIN(1)].replace('node2.linux.test;', '10.20.0.2;'));
    const clone = parseNodeFile('file:///srv/linux/clone/path.cfg', files[LIN(3)].replace('node3.linux.test', 'clone.linux.test'));
    workspace.set(master);
    workspace.set(clone);
    try {
      assert.deepEqual(places(definition(master, at(16, 3), workspace)), [`${LIN(2)}#10`]);
      // The clone still binds node 3's IP: from either, F12 on the IP finds the other.
      assert.deepEqual(places(definition(clone, at(10, 2), workspace)), [`${LIN(3)}#10`]);
    } finally {
      workspace.set(parseNodeFile(LIN(1), files[LIN(1)]));
      workspace.delete(clone.uri);
    }
  });

  test('on a host with no node file: nothing, and the hover says so; a host with a file gets no such line', () => {
    const master = parseNodeFile(WIN(1), files[WIN(1)].replace('mx3.example.net', 'mx3.example.net;mx9.example.net'));
    workspace.set(master);
    try {
      const onMissing = at(16, 'mx2.example.net;mx3.example.net;'.length + 2);
      assert.deepEqual(definition(master, onMissing, workspace), []);
      assert.deepEqual(hostFileNotes(master, onMissing, workspace), ['`mx9.example.net`: no node file in the workspace.']);
      assert.match(hover(master, onMissing, workspace)?.markdown ?? '', /`mx9\.example\.net`: no node file in the workspace\./);
      assert.deepEqual(hostFileNotes(master, at(16, 2), workspace), []);
      assert.doesNotMatch(hover(master, at(16, 2), workspace)?.markdown ?? '', /no node file/);
    } finally {
      workspace.set(parseNodeFile(WIN(1), files[WIN(1)]));
    }
  });

  test('anywhere but a host of lines 10, 15 and 16: nothing', () => {
    assert.deepEqual(definition(node(WIN(2)), at(4, 1), workspace), []);
    assert.deepEqual(definition(node(WIN(2)), at(11, 2), workspace), [], 'line 11 is the definition itself');
    assert.deepEqual(definition(node(WIN(2)), at(5, 10), workspace), [], 'line 5 holds no host');
  });
});

describe('Find All References and highlights', () => {
  const files = { ...windowsCluster(3), ...linuxCluster(7), [LONER]: LONER_TEXT };
  const workspace = workspaceOf(files);

  test('a slave host from its own line 11: every line 11, 15 and 16 of every node that names it', () => {
    assert.deepEqual(places(references(workspace.get(WIN(2))!, at(11, 0), workspace)), [`${WIN(1)}#16`, `${WIN(2)}#11`, `${WIN(2)}#16`, `${WIN(3)}#16`]);
  });

  test('the master host of a 7-node cluster: its line 11 and every line 15', () => {
    const result = references(workspace.get(LIN(4))!, at(15, 1), workspace);
    assert.deepEqual(places(result), [`${LIN(1)}#11`, ...[1, 2, 3, 4, 5, 6, 7].map((k) => `${LIN(k)}#15`)].sort());
    assert.equal(places(references(workspace.get(LIN(4))!, at(15, 1), workspace, false)).length, 7, 'without the declaration (line 11)');
  });

  test('references and definitions list files in one order, however the workspace was indexed', () => {
    const reversed = workspaceOf(Object.fromEntries(Object.entries(files).reverse()));
    const unsorted = (locations: readonly { uri: string; range: { start: { line: number } } }[]) => locations.map((location) => `${location.uri}#${location.range.start.line + 1}`);
    assert.deepEqual(unsorted(references(reversed.get(WIN(2))!, at(11, 0), reversed)), [`${WIN(1)}#16`, `${WIN(2)}#11`, `${WIN(2)}#16`, `${WIN(3)}#16`]);
    assert.deepEqual(unsorted(references(reversed.get(WIN(2))!, at(11, 0), reversed)), unsorted(references(workspace.get(WIN(2))!, at(11, 0), workspace)));
  });

  test('highlights: the host where it recurs in the same file, line 11 as the write', () => {
    const highlights = documentHighlights(workspace.get(WIN(2))!, at(16, 3));
    assert.deepEqual(
      highlights.map((highlight) => `${highlight.range.start.line + 1}:${highlight.kind}`),
      ['11:write', '16:read'],
    );
    assert.deepEqual(documentHighlights(workspace.get(WIN(2))!, at(4, 0)), []);
  });
});

describe('Workspace symbols', () => {
  const files = { ...windowsCluster(3), ...linuxCluster(7), [LONER]: LONER_TEXT };
  const workspace = workspaceOf(files);

  test('every node by hostname, role, Server ID and folder', () => {
    const symbols = workspaceSymbols('', workspace);
    assert.equal(symbols.length, 11);
    const mx2 = symbols.find((symbol) => symbol.uri === WIN(2));
    assert.equal(mx2?.name, 'mx2.example.net · slave · ID 12 · mx2/path.dat');
    assert.equal(mx2?.containerName, 'mx1.example.net');
    assert.deepEqual(mx2?.range, workspace.get(WIN(2))!.field.hostname.value.range);
    assert.equal(symbols.find((symbol) => symbol.uri === LONER)?.name, 'alone.example.org · master · ID 77 · alone/path.dat');
  });

  test('the query finds a node by part of its hostname or by its Server ID, as a fuzzy filter does', () => {
    assert.deepEqual(workspaceSymbols('mx2', workspace).map((symbol) => symbol.uri), [WIN(2)]);
    assert.deepEqual(workspaceSymbols('ID 12', workspace).map((symbol) => symbol.uri), [WIN(2)]);
    assert.deepEqual(workspaceSymbols('node5 slave', workspace).map((symbol) => symbol.uri), [LIN(5)]);
    assert.deepEqual(workspaceSymbols('zzz', workspace), []);
  });

  test('no password of line 5 in any symbol or location', () => {
    const everything = JSON.stringify([
      workspaceSymbols('', workspace),
      ...[1, 2, 3].map((k) => references(workspace.get(WIN(k))!, at(11, 0), workspace)),
    ]);
    for (const password of PASSWORDS) assert.ok(!everything.includes(password));
  });
});
