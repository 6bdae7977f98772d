// Edits are sent to the editor in LSP responses: fix-all's line diffs must never carry a line-5
// password, even when the same line changes on both sides of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Workspace, diffEdits, fixAll, parseNodeFile } from '../../server/src/service';
import { LINUX_MASTER, nodeText, withValues } from './helpers';

const PASSWORD = 'Pa;ss"w0rd-Secret';

function apply(text: string, edits: ReturnType<typeof diffEdits>): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x/path.cfg', 'icewarp-pathcfg', 1, text), edits);
}

test('fix-all on a line 5 with forward slashes and a stray CR rewrites around the password, not through it', () => {
  // `//fs02/x` gets backslashes and the lone CR becomes the file's LF: changes on both sides.
  const text = `/mnt/data/config/\n\n\n\n//fs02/x;svc;${PASSWORD}\r`;
  const node = parseNodeFile('file:///ws/a/path.cfg', text);
  const workspace = new Workspace();
  workspace.set(node);
  const edits = fixAll(node, workspace);
  assert.ok(edits.length > 0);
  for (const edit of edits) assert.ok(!edit.newText.includes('Secret'), `edit carries the password: ${JSON.stringify(edit)}`);
  assert.equal(apply(text, edits), `/mnt/data/config/\n\n\n\n\\\\fs02\\x;svc;${PASSWORD}\n`);
});

test('diffEdits splits any edit around an unchanged password, also one spanning several lines', () => {
  const before = nodeText(withValues(LINUX_MASTER, { 4: '111', 5: `//fs/x;u;${PASSWORD}` }));
  // One more line at the end: the line count changes, so the diff is one spanning edit.
  const after = nodeText(withValues(LINUX_MASTER, { 4: '11', 5: `\\\\fs\\x;u;${PASSWORD}`, 17: 'https://chat.example.net/' }), '\n', 17);
  const edits = diffEdits(before, after);
  for (const edit of edits) assert.ok(!edit.newText.includes('Secret'), `edit carries the password: ${JSON.stringify(edit)}`);
  assert.equal(apply(before, edits), after);
});

test('an edit that writes a password the text did not hold before is left whole (nothing to keep in place)', () => {
  const before = nodeText(withValues(LINUX_MASTER, { 5: '' }));
  const after = nodeText(withValues(LINUX_MASTER, { 5: `\\\\fs\\x;u;${PASSWORD}` }));
  assert.equal(apply(before, diffEdits(before, after)), after);
});

/** Fix-all of a file on its own, with every edit checked for the secrets and then applied. */
function fixAllWithout(text: string, secrets: readonly string[]): string {
  const node = parseNodeFile('file:///ws/a/path.cfg', text);
  const workspace = new Workspace();
  workspace.set(node);
  const edits = fixAll(node, workspace);
  assert.ok(edits.length > 0, 'fix-all has work to do');
  for (const edit of edits) for (const secret of secrets) assert.ok(!edit.newText.includes(secret), `edit carries ${secret}: ${JSON.stringify(edit)}`);
  return apply(text, edits);
}

test('fix-all on a two-part entry (its second part may be the password) with preferred fixes on both sides and a line-ending fix carries no secret', () => {
  // Forward slashes in both entries' paths, and line 5 ends in CRLF in an LF file.
  const text = `/mnt/data/config/\n\n\n11\n//fs01/a;TwoPartSecret|//fs02/b;u;ThreePartSecret\r\n\n\n`;
  const fixed = fixAllWithout(text, ['TwoPartSecret', 'ThreePartSecret']);
  assert.equal(fixed, `/mnt/data/config/\n\n\n11\n\\\\fs01\\a;TwoPartSecret|\\\\fs02\\b;u;ThreePartSecret\n\n\n`);
});

test('fix-all on a password holding `|` carries neither half of it', () => {
  // The password `x|PipeTail-Secret` reads as a well-formed entry and a malformed tail.
  const text = `/mnt/data/config/\n\n\n11\n//fs01/a;u;Head-Secret|PipeTail-Secret|//fs02/b;v;Last-Secret\r\n\n\n`;
  const fixed = fixAllWithout(text, ['Head-Secret', 'PipeTail-Secret', 'Last-Secret']);
  assert.equal(fixed, `/mnt/data/config/\n\n\n11\n\\\\fs01\\a;u;Head-Secret|PipeTail-Secret|\\\\fs02\\b;v;Last-Secret\n\n\n`);
});

test('fix-all leaves the tail of a password holding `|` alone, even when it looks like a path with forward slashes', () => {
  const text = `/mnt/data/config/\n\n\n11\n\\\\fs01\\a;u;Head|//Pw/Tail-Secret\r\n\n\n`;
  const fixed = fixAllWithout(text, ['Tail-Secret', 'Head']);
  assert.equal(fixed, `/mnt/data/config/\n\n\n11\n\\\\fs01\\a;u;Head|//Pw/Tail-Secret\n\n\n`, 'the password is not rewritten');
});
