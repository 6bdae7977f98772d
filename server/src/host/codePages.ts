// The explanation page of each diagnostic code, as a file shipped beside the server: the npm
// tarball, the .vsix and a checkout all hold `docs/codes/<code>.md` next to the folder of the
// server's bundle (and a checkout next to server/src). A client that cannot open the extension's
// explain links gets each code linked to its page as a `file:` URL (codeDescription.href, and the
// hover's last lines for clients that show no links), so `gx` in Vim or `browse-url` in Emacs
// opens it. A translated page, `docs/<language>/codes/<code>.md`, is taken when the server writes
// its messages in that language and the page exists; otherwise the English one.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { codePageCandidates } from '../../../common/codePages';

/** The `file:` URL of a code's page in `language` (else in English), or undefined when none is shipped. */
export type CodePageUri = (code: string, language: string) => string | undefined;

/** How many folders above `from` the docs folder may be (dist/ in a package, server/src/host/ in a checkout). */
const LEVELS_UP = 3;

/** The pages under the first `docs/codes` found at or above `from`; none when there is none. */
export function diskCodePages(from: string): CodePageUri {
  const docs = findDocsFolder(from);
  if (!docs) return () => undefined;
  const root = path.dirname(docs);
  // Listed once per folder, when first asked: a handful of folders of a few dozen pages.
  const listed = new Map<string, ReadonlySet<string>>();
  const pagesIn = (folder: string): ReadonlySet<string> => {
    let pages = listed.get(folder);
    if (!pages) {
      pages = new Set(readNames(path.join(root, ...folder.split('/'))));
      listed.set(folder, pages);
    }
    return pages;
  };
  // Which page a language opens, and the fallback to English, are common/codePages.ts's: the
  // explain command and SARIF's help choose the same way.
  return (code, language) => {
    for (const page of codePageCandidates(code, language)) {
      const slash = page.lastIndexOf('/');
      if (pagesIn(page.slice(0, slash)).has(page.slice(slash + 1))) return URI.file(path.join(root, ...page.split('/'))).toString();
    }
    return undefined;
  };
}

function findDocsFolder(from: string): string | undefined {
  let folder = path.resolve(from);
  for (let level = 0; level <= LEVELS_UP; level++) {
    const docs = path.join(folder, 'docs');
    if (fs.existsSync(path.join(docs, 'codes'))) return docs;
    folder = path.dirname(folder);
  }
  return undefined;
}

function readNames(folder: string): string[] {
  try {
    return fs.readdirSync(folder).filter((name) => name.endsWith('.md') && name !== 'README.md');
  } catch {
    return [];
  }
}
