// One spelling per file. Clients spell the same URI differently (`a%20(1)` or `a (1)`, `%2B` or
// `+`, `C:` or `c%3A`); the index keys nodes by URI, so two spellings of one file would make it
// its own duplicate. A stage of the message pipeline (./messagePipeline.ts): every URI that
// arrives (documents, requests, watched-file events, folders) is rewritten to vscode-uri's
// spelling, the one VS Code and the disk walk use; what the server publishes for an open
// document goes back in the spelling the client opened it with. The row of each method
// (./lspMethods.ts) says which of these applies.
import { URI } from 'vscode-uri';
import { isRecord } from '../../../common/isRecord';

/** The one spelling of a URI the server keys files by. */
export function normalizeUri(uri: string): string {
  try {
    return URI.parse(uri).toString();
  } catch {
    return uri; // not a URI at all: left as it came, it will match nothing
  }
}

/** Keys whose string value is a URI (LSP's `uri`, `rootUri`, `scopeUri`; our requests' `uris`). */
const URI_KEYS = new Set(['uri', 'rootUri', 'scopeUri', 'targetUri']);
const URI_LIST_KEYS = new Set(['uris', 'folderUris']);
/** Deep enough for workspace folder events and code action contexts; text is never walked. */
const MAX_DEPTH = 6;

/** `params` with every URI in the server's spelling (a copy where anything changed). */
export function normalizeParams(params: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return params;
  if (Array.isArray(params)) {
    let changed = false;
    const copy = params.map((item) => {
      const normalized = normalizeParams(item, depth + 1);
      changed ||= normalized !== item;
      return normalized;
    });
    return changed ? copy : params;
  }
  if (!isRecord(params)) return params;
  let copy: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(params)) {
    let normalized: unknown = value;
    if (typeof value === 'string') {
      if (URI_KEYS.has(key)) normalized = normalizeUri(value);
    } else if (URI_LIST_KEYS.has(key) && Array.isArray(value)) {
      const list = value.map((item: unknown) => (typeof item === 'string' ? normalizeUri(item) : item));
      normalized = list.some((item, index) => item !== value[index]) ? list : value;
    } else if (typeof value === 'object' && value !== null) {
      normalized = normalizeParams(value, depth + 1);
    }
    if (normalized !== value) {
      copy ??= { ...params };
      copy[key] = normalized;
    }
  }
  return copy ?? params;
}

/** What the URI stage does with a message (a row's `uris`). */
export type UriRule =
  /** From the client: every URI of the params in the server's spelling. */
  | 'params'
  /** As 'params', and the spelling the client opened the document with is remembered (didOpen). */
  | 'opens'
  /** As 'params', and that spelling is forgotten (didClose). */
  | 'closes'
  /** To the client: `params.uri` back in the spelling the client opened the document with. */
  | 'document'
  /** Passed as they are (URIs the other side spelled, or none). */
  | 'none';

/** The URI stage: the server's spelling on the way in, the client's own for its open documents on the way out. */
export class UriSpelling {
  /** The client's spelling of each open document whose spelling differs from the server's. */
  private readonly clientSpelling = new Map<string, string>();

  /** `params` from the client as the server's handlers see them. */
  toServer(rule: UriRule, params: unknown): unknown {
    if (rule === 'none' || rule === 'document') return params;
    if (rule !== 'params') this.rememberSpelling(params, rule === 'opens');
    return normalizeParams(params);
  }

  /** `params` to the client as it spelled them. */
  toClient(rule: UriRule, params: unknown): unknown {
    if (rule !== 'document' || !isRecord(params) || typeof params.uri !== 'string') return params;
    return { ...params, uri: this.clientSpelling.get(params.uri) ?? params.uri };
  }

  private rememberSpelling(params: unknown, open: boolean): void {
    const document = isRecord(params) ? params.textDocument : undefined;
    if (!isRecord(document) || typeof document.uri !== 'string') return;
    const normalized = normalizeUri(document.uri);
    if (open && normalized !== document.uri) this.clientSpelling.set(normalized, document.uri);
    else if (!open) this.clientSpelling.delete(normalized);
  }
}
