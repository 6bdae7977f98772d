// `node:assert/strict` for the suite's browser build (test/e2e/build.mjs points the import here):
// the web worker extension host has no Node. Only what the suite calls, with Node's strict
// semantics (Object.is for equal, structural equality of arrays, plain objects, Maps and Sets).

export class AssertionError extends Error {
  override name = 'AssertionError';
}

function fail(message: string | Error | undefined, fallback: string): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback);
}

function show(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, each: unknown) => (each instanceof Map ? [...each] : each instanceof Set ? [...each] : each)) ?? String(value);
  } catch {
    return String(value);
  }
}

function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) fail(message, `expected a truthy value, got ${show(value)}`);
}

function equal<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!Object.is(actual, expected)) fail(message, `expected ${show(actual)} to equal ${show(expected)}`);
}

function notEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (Object.is(actual, expected)) fail(message, `expected ${show(actual)} to differ from ${show(expected)}`);
}

function isDeepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Map && b instanceof Map) return a.size === b.size && [...a].every(([key, value]) => b.has(key) && isDeepEqual(value, b.get(key)));
  if (a instanceof Set && b instanceof Set) return a.size === b.size && [...a].every((value) => b.has(value));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((value, index) => isDeepEqual(value, b[index]));
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return keysA.length === keysB.length && keysA.every((key) => Object.prototype.hasOwnProperty.call(b, key) && isDeepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

function deepEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!isDeepEqual(actual, expected)) fail(message, `expected ${show(actual)} to deeply equal ${show(expected)}`);
}

function match(text: string, pattern: RegExp, message?: string | Error): void {
  if (!pattern.test(text)) fail(message, `expected ${show(text)} to match ${pattern}`);
}

function doesNotMatch(text: string, pattern: RegExp, message?: string | Error): void {
  if (pattern.test(text)) fail(message, `expected ${show(text)} not to match ${pattern}`);
}

async function rejects(promise: Promise<unknown> | (() => Promise<unknown>), message?: string | Error): Promise<void> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch {
    return;
  }
  fail(message, 'expected the promise to reject');
}

const assert = Object.assign(ok, { ok, equal, strictEqual: equal, notEqual, notStrictEqual: notEqual, deepEqual, deepStrictEqual: deepEqual, match, doesNotMatch, rejects, AssertionError });
export default assert;
export { deepEqual, doesNotMatch, equal, match, notEqual, ok, rejects };
