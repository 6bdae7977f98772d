// One spelling per file. Clients spell the same URI differently (`a%20(1)` or `a (1)`, `%2B` or
// `+`, `C:` or `c%3A`); the index keys nodes by URI, so two spellings of one file would make it
// its own duplicate. Every URI that arrives (documents, requests, watched-file events, folders)
// is rewritten here to vscode-uri's spelling, the one VS Code and the disk walk use; what the
// server publishes for an open document goes back in the spelling the client opened it with.
import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { isRecord } from '../../../common/isRecord';
import type { Handler } from './positionEncoding';

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

/**
 * `connection` as the server's handlers see it: every handler registered through it (`onHover`,
 * `onRequest`, `workspace.onDidChangeWorkspaceFolders`, `languages.inlayHint.on`...) gets params
 * with normalized URIs, and diagnostics for an open document go out in the client's spelling.
 */
export function withNormalizedUris(connection: Connection): Connection {
  /** The client's spelling of each open document whose spelling differs from the server's. */
  const clientSpelling = new Map<string, string>();
  const rememberSpelling = (params: unknown, open: boolean): void => {
    const document = isRecord(params) ? params.textDocument : undefined;
    if (!isRecord(document) || typeof document.uri !== 'string') return;
    const normalized = normalizeUri(document.uri);
    if (open && normalized !== document.uri) clientSpelling.set(normalized, document.uri);
    else if (!open) clientSpelling.delete(normalized);
  };
  const wrapHandler =
    (name: string, handler: Handler): Handler =>
    (params, ...rest) => {
      if (name === 'onDidOpenTextDocument') rememberSpelling(params, true);
      else if (name === 'onDidCloseTextDocument') rememberSpelling(params, false);
      return handler(normalizeParams(params), ...rest);
    };
  const proxies = new WeakMap<object, object>();
  const proxy = <T extends object>(target: T): T => {
    const known = proxies.get(target);
    if (known) return known as T;
    const made = new Proxy(target, {
      get(object, property) {
        // The target as `this`: the library's own getters run on the real object.
        const value: unknown = Reflect.get(object, property);
        if (typeof property !== 'string') return value;
        if (property === 'sendDiagnostics' && typeof value === 'function') {
          return (params: unknown) => {
            if (!isRecord(params) || typeof params.uri !== 'string') return value.call(object, params);
            return value.call(object, { ...params, uri: clientSpelling.get(params.uri) ?? params.uri });
          };
        }
        if (typeof value === 'function') {
          if (!property.startsWith('on')) return value.bind(object);
          // onRequest(type, handler), onHover(handler): the handler is the last function given.
          return (...args: unknown[]) => value.apply(object, args.map((arg) => (typeof arg === 'function' ? wrapHandler(property, arg as Handler) : arg)));
        }
        // connection.workspace, connection.languages.inlayHint...: their `on...` too.
        return isRecord(value) ? proxy(value) : value;
      },
    });
    proxies.set(target, made);
    return made;
  };
  return proxy(connection);
}
