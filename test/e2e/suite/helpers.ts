// Helpers for the integration suite: reach the extension's test API and wait on diagnostics
// events (never on fixed sleeps).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { IceWarpExtensionApi } from '../../../client/src/extension';

export const EXTENSION_ID = 'icewarp-cluster-config.icewarp-cluster-config';

// Set by the suite's build (test/e2e/build.mjs): the Node bundle of the suite runs in VS Code's
// Node extension host, the browser bundle in its web worker extension host, with the extension.
declare const __ICEWARP_E2E_HOST__: 'node' | 'web worker';
/** The extension host this suite (and the extension) runs in. */
export const EXTENSION_HOST = __ICEWARP_E2E_HOST__;

/**
 * A test that applies in one extension host only. In the other it is registered as skipped with
 * the reason in its title, so the report lists what did not run there and why.
 */
export function testIn(host: typeof EXTENSION_HOST, why: string, title: string, body: Mocha.AsyncFunc): void {
  if (EXTENSION_HOST === host) test(title, body);
  else test.skip(`${title} [only in the ${host} extension host: ${why}]`, body);
}

/** A suite that applies in one extension host only; the other lists it as skipped, with the reason. */
export function suiteIn(host: typeof EXTENSION_HOST, why: string, title: string, body: (this: Mocha.Suite) => void): void {
  if (EXTENSION_HOST === host) suite(title, body);
  else suite.skip(`${title} [only in the ${host} extension host: ${why}]`, body);
}
export const DIAGNOSTIC_TIMEOUT_MS = 20_000;

export async function activatedApi(): Promise<IceWarpExtensionApi> {
  const extension = vscode.extensions.getExtension<IceWarpExtensionApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  const api = await extension.activate();
  await api.ready;
  return api;
}

/** The workspace folder with this name (the runner opens a multi-root workspace). */
export function workspaceFolder(name: string): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.find((candidate) => candidate.name === name);
  assert.ok(folder, `workspace folder "${name}" is not open; folders: ${vscode.workspace.workspaceFolders?.map((f) => f.name).join(', ')}`);
  return folder;
}

export function fileIn(folderName: string, ...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(folderName).uri, ...segments);
}

/** Our diagnostics only (source "icewarp"), as codes. */
export function codesOf(uri: vscode.Uri): string[] {
  return ourDiagnostics(uri).map((diagnostic) => codeOf(diagnostic));
}

export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'icewarp');
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

/**
 * Resolves with the first value `event` fires that `accept` takes, or at once with `current()`
 * when that is given and already accepted; rejects after `timeoutMs`, saying what it waited
 * for and what it saw last (`seen`). Every wait of the suite goes through here.
 */
export function waitForEvent<T>(
  event: vscode.Event<T>,
  accept: (value: T) => boolean,
  options: { description: string; current?: () => T; seen?: () => string; timeoutMs?: number },
): Promise<T> {
  return new Promise((resolve, reject) => {
    const finish = (): void => {
      clearTimeout(timer);
      subscription.dispose();
    };
    const subscription = event((value) => {
      if (!accept(value)) return;
      finish();
      resolve(value);
    });
    const timeoutMs = options.timeoutMs ?? DIAGNOSTIC_TIMEOUT_MS;
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${options.description}${options.seen ? `; ${options.seen()}` : ''}`));
    }, timeoutMs);
    if (options.current) {
      const now = options.current();
      if (accept(now)) {
        finish();
        resolve(now);
      }
    }
  });
}

/**
 * Resolves with the diagnostics of `uri` once `predicate` holds, checking now and on every
 * diagnostics change for that file; rejects after `timeoutMs` with what was last seen.
 */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  description: string,
  timeoutMs = DIAGNOSTIC_TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  const changes = (listener: (uris: readonly vscode.Uri[]) => unknown) => vscode.languages.onDidChangeDiagnostics((event) => listener(event.uris));
  await waitForEvent(changes, (uris) => uris.some((changed) => changed.toString() === uri.toString()) && predicate(ourDiagnostics(uri)), {
    description: `${description} on ${uri.toString()}`,
    current: () => [uri],
    seen: () => `codes now: [${codesOf(uri).join(', ')}]`,
    timeoutMs,
  });
  return ourDiagnostics(uri);
}

export const hasCodes = (...codes: string[]) => (diagnostics: vscode.Diagnostic[]): boolean =>
  codes.every((code) => diagnostics.some((diagnostic) => codeOf(diagnostic) === code));

export const lacksCodes = (...codes: string[]) => (diagnostics: vscode.Diagnostic[]): boolean =>
  codes.every((code) => !diagnostics.some((diagnostic) => codeOf(diagnostic) === code));

/** Replaces one whole line (0-based) through a WorkspaceEdit, as an extension or refactoring would. */
export async function replaceLine(document: vscode.TextDocument, line: number, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, document.lineAt(line).range, text);
  assert.ok(await vscode.workspace.applyEdit(edit), `applyEdit on ${document.uri.toString()} was refused`);
}
