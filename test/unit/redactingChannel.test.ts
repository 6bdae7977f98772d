// The client's log/trace channel: what reaches the Output panel has no line-5 password.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { RedactingOutputChannel } from '../../client/src/passwords/redactingChannel';
import { WINDOWS_SLAVE, nodeText, withValues } from './helpers';

const SECRET = 'correct;horse battery';

/** Records what the real Output panel would show. */
function fakeChannel(): vscode.OutputChannel & { shown: string } {
  const channel = {
    name: 'IceWarp Cluster Config',
    shown: '',
    append(value: string) {
      channel.shown += value;
    },
    appendLine(value: string) {
      channel.shown += value + '\n';
    },
    replace(value: string) {
      channel.shown = value;
    },
    clear() {
      channel.shown = '';
    },
    show() {},
    hide() {},
    dispose() {},
  };
  return channel;
}

test('the trace of a didOpen is printed without the password, and the channel says it redacted', () => {
  const target = fakeChannel();
  const channel = new RedactingOutputChannel(target);
  // A `|` in a password splits it into two entries for IceWarp; neither half may show.
  const text = nodeText(withValues(WINDOWS_SLAVE, { 5: `\\\\fs01\\icewarp;ICEWARP\\svc-mail;${SECRET}|tail-of-it` }), '\r\n');
  // What vscode-languageclient writes for `icewarp.trace.server: verbose`.
  channel.appendLine("[Trace - 13:04:16] Sending notification 'textDocument/didOpen'.");
  channel.appendLine(`Params: ${JSON.stringify({ textDocument: { uri: 'file:///w/path.cfg', languageId: 'icewarp-pathcfg', version: 1, text } }, null, 4)}\n\n`);
  for (const piece of ['correct;horse', 'battery', 'tail-of-it']) assert.ok(!target.shown.includes(piece), target.shown);
  assert.ok(target.shown.includes("Sending notification 'textDocument/didOpen'"));
  assert.ok(target.shown.includes('ICEWARP\\\\svc-mail;***'), 'path and user stay readable');
  assert.equal(channel.redactions, 1);
  assert.equal(channel.printed(), target.shown, 'printed() is what the panel shows');
});

test('log lines pass unchanged and count no redaction', () => {
  const target = fakeChannel();
  const channel = new RedactingOutputChannel(target);
  channel.append('[Info  - 13:04:16] ');
  channel.appendLine('Connection to server got closed. Server will restart.');
  assert.equal(target.shown, '[Info  - 13:04:16] Connection to server got closed. Server will restart.\n');
  assert.equal(channel.redactions, 0);
  assert.equal(channel.name, 'IceWarp Cluster Config');
});

test('replace() and clear() redact and reset what the channel remembers', () => {
  const target = fakeChannel();
  const channel = new RedactingOutputChannel(target);
  channel.appendLine('old');
  channel.replace(`\\\\fs01\\share;user;${SECRET}`);
  assert.equal(target.shown, '\\\\fs01\\share;user;***');
  assert.equal(channel.printed(), target.shown);
  channel.clear();
  assert.equal(channel.printed(), '');
});
