// The one check the client, the server and the command line make before reading fields of a
// value that arrived untyped (a message, a settings section, a JSON file). Dependency-free, so
// every bundle takes it without zod.

/** A plain object whose fields can be read: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
