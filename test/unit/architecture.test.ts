// The project's import boundaries, read from the sources: the language service is reached only
// through its front door (server/src/service/index.ts), so what it offers is one file and what
// lies behind may move; the service itself names no protocol library and no Node built-in, so the
// server, the command line and the browser share it; the command line takes from the server only
// the service and what must be the same as the server's (the disk walk, the LSP diagnostic); the
// bench and the shared test helpers use no test code; the shared code (common/) and the client
// stay off the server's sources, but for the entry through which the web extension runs the
// server's core beside itself (server/src/browserEndpoint.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');
const SERVICE = path.join(ROOT, 'server/src/service');
const FRONT_DOOR = path.join(SERVICE, 'index');
const SCANNED_FOLDERS = ['server/src', 'client/src', 'cli/src', 'common', 'bench', 'scripts', 'test', 'testing'];

/** One module path written in a source file, and where it points (undefined for a package). */
interface ImportSite {
  /** The importing file, relative to the project root, with forward slashes. */
  file: string;
  specifier: string;
  resolved: string | undefined;
}

function sourceFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const entryPath = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entryPath !== SERVICE) files.push(...sourceFiles(entryPath));
    } else if (/\.(ts|mts|cts|mjs|cjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      files.push(entryPath);
    }
  }
  return files;
}

/** Every module path in the file: import and export declarations, `import x = require()`, `import()`, `require()` and `import('...')` types. */
function importsOf(file: string): ImportSite[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const specifiers: string[] = [];
  const literal = (node: ts.Node | undefined) => {
    if (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) specifiers.push(node.text);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) literal(node.moduleSpecifier);
    else if (ts.isExternalModuleReference(node)) literal(node.expression);
    else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) literal(node.arguments[0]);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) literal(node.argument.literal);
    ts.forEachChild(node, visit);
  };
  visit(source);
  const relativeFile = path.relative(ROOT, file).split(path.sep).join('/');
  return specifiers.map((specifier) => ({
    file: relativeFile,
    specifier,
    resolved: specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier).replace(/\.(ts|js|mjs|cjs)$/, '') : undefined,
  }));
}

const isInside = (target: string, folder: string) => target === folder || target.startsWith(folder + path.sep);
const describeSite = (site: ImportSite) => `${site.file} imports '${site.specifier}'`;

const sites = SCANNED_FOLDERS.flatMap((folder) => sourceFiles(path.join(ROOT, folder))).flatMap(importsOf);
/** The service's own files, which sourceFiles leaves out of the folders above. */
const serviceSites = sourceFiles(SERVICE).flatMap(importsOf);

test('nothing outside server/src/service imports past its front door (server/src/service/index.ts)', () => {
  const pastTheDoor = sites.filter((site) => site.resolved !== undefined && isInside(site.resolved, SERVICE) && site.resolved !== SERVICE && site.resolved !== FRONT_DOOR);
  assert.deepEqual(pastTheDoor.map(describeSite), []);
});

test('the scan finds the front door where the service is used (so the checks above read real imports)', () => {
  const users = sites.filter((site) => site.resolved === SERVICE || site.resolved === FRONT_DOOR).map((site) => site.file);
  for (const folder of ['server/src/core/', 'server/src/features/', 'cli/src/', 'bench/', 'test/unit/', 'test/lsp/']) {
    assert.ok(users.some((file) => file.startsWith(folder)), `no import of the front door found under ${folder}`);
  }
});

/** A protocol library: what the LSP adapter and the client speak, and the service must not. */
const PROTOCOL_LIBRARY = /^(?:vscode|vscode-languageserver(?:-[\w-]+)?|vscode-languageclient|vscode-jsonrpc)(?:\/|$)/;
const NODE_BUILTINS = new Set(builtinModules);
const isNodeBuiltin = (specifier: string) => specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0]);

test('the service imports no protocol library, no vscode and no Node built-in (the server, the command line and the browser share it)', () => {
  assert.ok(serviceSites.some((site) => site.file === 'server/src/service/l10n.ts' && site.specifier === '@vscode/l10n'), 'the scan reads the service\'s package imports');
  const offenders = serviceSites.filter((site) => site.resolved === undefined && (PROTOCOL_LIBRARY.test(site.specifier) || isNodeBuiltin(site.specifier)));
  assert.deepEqual(offenders.map(describeSite), []);
});

test('the command line reaches the service only through its front door; of the rest of the server only the disk walk, the messages on disk and the LSP diagnostic', () => {
  const server = path.join(ROOT, 'server');
  // The same walk and read as the language server (so CI and the editor see the same files), the
  // same messages of a language, and the very shape the server publishes (so --format json is
  // what an LSP client gets).
  const allowed = new Set([SERVICE, FRONT_DOOR, path.join(ROOT, 'server/src/host/diskNodeFiles'), path.join(ROOT, 'server/src/host/diskMessages'), path.join(ROOT, 'server/src/core/lspDiagnostic')]);
  const cliIntoServer = sites.filter((site) => site.file.startsWith('cli/src/') && site.resolved !== undefined && isInside(site.resolved, server));
  assert.ok(cliIntoServer.some((site) => site.resolved === SERVICE || site.resolved === FRONT_DOOR), 'the command line uses the service');
  assert.deepEqual(cliIntoServer.filter((site) => !allowed.has(site.resolved ?? '')).map(describeSite), []);
});

test('the bench and testing/ import nothing under test/ (a helper both use lives in testing/)', () => {
  const testFolder = path.join(ROOT, 'test');
  const intoTests = sites.filter((site) => (site.file.startsWith('bench/') || site.file.startsWith('testing/')) && site.resolved !== undefined && isInside(site.resolved, testFolder));
  assert.deepEqual(intoTests.map(describeSite), []);
});

test('common/ never imports the server, and the client only its browser endpoint (the web extension runs the core in its worker)', () => {
  const server = path.join(ROOT, 'server');
  const browserEntry = path.join(ROOT, 'server/src/browserEndpoint');
  const intoServer = sites.filter(
    (site) =>
      (site.file.startsWith('common/') || site.file.startsWith('client/src/')) &&
      site.resolved !== undefined &&
      isInside(site.resolved, server) &&
      !(site.file.startsWith('client/src/') && site.resolved === browserEntry),
  );
  assert.deepEqual(intoServer.map(describeSite), []);
});
