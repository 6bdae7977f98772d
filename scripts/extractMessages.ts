// `npm run l10n:extract`: writes l10n/bundle.l10n.json, the English bundle, from every message
// the code passes to `t(...)` (the service's messages, server/src/service/l10n.ts) or to
// `vscode.l10n.t(...)` (the client). A message is its own key. The Czech and German bundles beside
// it are translated by hand; test/unit/l10n.test.ts fails while the English bundle and the code
// disagree, or while a language lacks a key or changes a template's placeholders.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

export const ROOT = path.resolve(__dirname, '..');
export const ENGLISH_BUNDLE = path.join(ROOT, 'l10n', 'bundle.l10n.json');
const SOURCE_FOLDERS = ['client/src', 'server/src', 'cli/src', 'common'];

export interface ExtractedMessages {
  messages: string[];
  /** Calls whose message is not a string literal, which no bundle can hold: `file:line`. */
  dynamic: string[];
}

function isMessageCall(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text === 't';
  // `l10n.t(...)` and `vscode.l10n.t(...)`.
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 't') return false;
  const owner = callee.expression;
  return (ts.isIdentifier(owner) && owner.text === 'l10n') || (ts.isPropertyAccessExpression(owner) && owner.name.text === 'l10n');
}

function sourceFiles(folder: string): string[] {
  const full = path.join(ROOT, folder);
  if (!fs.existsSync(full)) return [];
  return fs.readdirSync(full, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts')).map((file) => path.join(full, file));
}

/** Every message of the code, in order of first use. */
export function extractMessages(files: readonly string[] = SOURCE_FOLDERS.flatMap(sourceFiles)): ExtractedMessages {
  const messages = new Set<string>();
  const dynamic: string[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && isMessageCall(node) && node.arguments.length > 0) {
        const first = node.arguments[0];
        if (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) messages.add(first.text);
        else dynamic.push(`${path.relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { messages: [...messages], dynamic };
}

/** The English bundle: each message its own translation, sorted so that merges stay readable. */
export function englishBundle(messages: readonly string[]): Record<string, string> {
  return Object.fromEntries([...messages].sort().map((message) => [message, message]));
}

if (require.main === module) {
  const { messages, dynamic } = extractMessages();
  // The wrapper's own pass-through call is the one call that takes its message from a variable.
  const unexpected = dynamic.filter((where) => !where.startsWith(path.join('server', 'src', 'service', 'l10n.ts')));
  if (unexpected.length > 0) console.warn(`Messages that are not string literals (no bundle can hold them): ${unexpected.join(', ')}`);
  fs.writeFileSync(ENGLISH_BUNDLE, `${JSON.stringify(englishBundle(messages), null, 2)}\n`);
  console.log(`${path.relative(ROOT, ENGLISH_BUNDLE)}: ${messages.length} messages.`);
}
