// What every command of the command line writes, and how it ends: stdout and stderr guarded
// against write errors, human-readable text with its control characters escaped, and an exit
// code that a failed write can only raise to 2. Every command (check, codes and any later one)
// writes through the one `commandOutput()` of the process.
//
// Exit codes: 0 nothing wrong; 1 problems found (over the limits asked for); 2 the command could
// not do its whole job: bad usage, input it could not read, output it could not write, an
// internal error. A CI job that reads 1 as "problems found" must never get 1 for a truncated
// report, so a failed write of stdout or stderr is 2, whatever was found.
import { hasRawBytes, showPath } from '../../server/src/host/diskNodeFiles';
import { CLI_NAME } from './version';

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_TROUBLE = 2;

/**
 * Characters a terminal would act on rather than show, and the bytes of a name that is not
 * UTF-8: C0 controls but tab (ESC starts a screen clear or a title change), DEL, C1 controls
 * (0x9B is a CSI of its own), bidirectional overrides and isolates (text shown in another order
 * than it is), line and paragraph separators, lone surrogates.
 */
const UNSAFE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const UNSAFE_ANYWHERE = new RegExp(UNSAFE.source);

/**
 * Text safe to print on a terminal: every character of UNSAFE as an escape, `\x1b` below 0x80,
 * `\u{9b}` above, a byte of a name that is not UTF-8 as `\xe1` (./diskPaths.ts). Tabs and
 * everything printable are left alone.
 */
export function escapeControls(text: string): string {
  if (!UNSAFE_ANYWHERE.test(text)) return text;
  const bytesShown = hasRawBytes(text) ? showPath(text) : text;
  return bytesShown.replace(UNSAFE, (character) => {
    const code = character.charCodeAt(0);
    return code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

/** Text of several lines, each escaped, its line breaks kept (commander's messages, a stack). */
export function escapeControlsByLine(text: string): string {
  return text.split('\n').map(escapeControls).join('\n');
}

/** Text whose line breaks (LF, CRLF, CR) are its own: what lies between them escaped. */
export function escapeControlsInLines(text: string): string {
  return text.replace(/[^\r\n]+/g, escapeControls);
}

/** Why a write failed, in words, e.g. "no space left on device (ENOSPC)". */
export function describeWriteError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const words: Record<string, string> = {
    ENOSPC: 'no space left on device',
    EDQUOT: 'disk quota exceeded',
    EFBIG: 'file too large',
    EIO: 'input/output error',
    EBADF: 'not open for writing',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EAGAIN: 'would block',
  };
  if (words[code]) return `${words[code]} (${code})`;
  if (code) return code;
  return error instanceof Error ? error.message : String(error);
}

type Stream = NodeJS.WritableStream & { destroyed?: boolean };

/**
 * stdout and stderr of one run. A reader that has gone (EPIPE: `| head`) is not an error: the
 * run ends quietly with the exit code of what it found. Any other failed write (a full disk,
 * `> /dev/full`, an I/O error) makes the exit code 2, with one line on stderr when stdout failed
 * (when stderr failed there is no place for a line: stdout holds the report).
 */
export class CommandOutput {
  private stdoutClosed = false;
  private stderrClosed = false;
  private failed = false;

  constructor(
    private readonly commandName: string,
    private readonly stdout: Stream = process.stdout,
    private readonly stderr: Stream = process.stderr,
  ) {
    stdout.on('error', (error: NodeJS.ErrnoException) => this.failedWrite('stdout', error));
    stderr.on('error', (error: NodeJS.ErrnoException) => this.failedWrite('stderr', error));
    // A write error is reported after the write returned, maybe after the command set its
    // exit code: the last word is here.
    process.on('exit', () => {
      if (this.failed) process.exitCode = EXIT_TROUBLE;
    });
  }

  /** Report text for stdout, as it is (machine-readable formats escape in their own way). */
  out(text: string): void {
    if (this.stdoutClosed || text === '') return;
    this.stdout.write(text);
  }

  /** One line for stderr: control characters escaped, so a file's value cannot drive the terminal. */
  line(text: string): void {
    if (this.stderrClosed) return;
    this.stderr.write(`${escapeControls(text)}\n`);
  }

  /** Text for stderr that is already safe (commander's usage and help). */
  rawError(text: string): void {
    if (this.stderrClosed) return;
    this.stderr.write(text);
  }

  /** Whether stdout can still be written (its reader is there, no write failed). */
  get stdoutOpen(): boolean {
    return !this.stdoutClosed;
  }

  /** The command's exit code, unless a write failed (then 2). */
  exit(code: number): void {
    process.exitCode = this.failed ? EXIT_TROUBLE : code;
  }

  private failedWrite(stream: 'stdout' | 'stderr', error: NodeJS.ErrnoException): void {
    const closedBefore = stream === 'stdout' ? this.stdoutClosed : this.stderrClosed;
    if (stream === 'stdout') this.stdoutClosed = true;
    else this.stderrClosed = true;
    // One report per stream: writes after the first failure fail too.
    if (closedBefore || error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    this.failed = true;
    process.exitCode = EXIT_TROUBLE;
    if (stream === 'stdout') this.line(`${this.commandName}: could not write the output: ${describeWriteError(error)}`);
  }
}

let shared: CommandOutput | undefined;

/** The process's stdout and stderr, guarded once (a second guard would report a failure twice). */
export function commandOutput(): CommandOutput {
  shared ??= new CommandOutput(CLI_NAME);
  return shared;
}
