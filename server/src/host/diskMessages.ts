// A language's messages read from disk, for the Node server and the command line: the
// l10n/bundle.l10n.<language>.json shipped beside the folder of the bundle (the .vsix and the npm
// tarball hold l10n/ next to dist/), or above this file in a checkout. Read when a client or a
// user asks for the language, never at start (server/src/service/l10n.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type MessageBundle, type MessageBundleLoader, isMessageBundle } from '../service';

/** How many folders above `from` the l10n folder may be (dist/ in a package, server/src/host/ in a checkout). */
const LEVELS_UP = 3;

/** Loads a language's messages from the first l10n folder at or above `from` that holds them. */
export function diskMessages(from: string): MessageBundleLoader {
  return (language) => {
    let folder = path.resolve(from);
    for (let level = 0; level <= LEVELS_UP; level++) {
      const bundle = readBundle(path.join(folder, 'l10n', `bundle.l10n.${language}.json`));
      if (bundle) return bundle;
      folder = path.dirname(folder);
    }
    return undefined;
  };
}

function readBundle(file: string): MessageBundle | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  return isMessageBundle(parsed) ? parsed : undefined;
}
