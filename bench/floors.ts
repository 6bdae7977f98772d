// The floors the bench's figures are judged against, each measured in the same run as its figure:
// `node -e 0` (what any Node program costs to start), reading the same files
// (`find ... | xargs cat > /dev/null`), and a bare vscode-languageserver (bench/floorServer.ts,
// bundled like dist/server.js), whose resident memory the server's is compared with.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as esbuild from 'esbuild';
import { TestClient } from '../testing/lspClient';

/** Wall time of a child process from spawn to exit (ms); rejects on an exit code not in `okCodes`. */
export function timed(command: string, args: readonly string[], okCodes: readonly number[] = [0]): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) => (okCodes.includes(code ?? -1) ? resolve(performance.now() - start) : reject(new Error(`${command} exited with ${code}`))));
  });
}

/** `node -e 0`: Node's own start and exit. */
export function bareNode(): Promise<number> {
  return timed(process.execPath, ['-e', '0']);
}

/** `find <folder> -name path.dat -o -name path.cfg | xargs cat > /dev/null`: walking the tree and reading every node file, nothing else. */
export function readingTheFiles(folder: string): Promise<number> {
  const quoted = `'${folder.replace(/'/g, `'\\''`)}'`;
  return timed('sh', ['-c', `find ${quoted} \\( -name path.dat -o -name path.cfg \\) -type f -print0 | xargs -0 cat > /dev/null`]);
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'icewarp-floors-'));
process.on('exit', () => fs.rmSync(scratch, { recursive: true, force: true }));

let floorServerBundle: string | undefined;

/** bench/floorServer.ts bundled and minified as dist/server.js is, so neither side pays for a TypeScript loader. */
export function floorServerPath(): string {
  if (!floorServerBundle) {
    floorServerBundle = path.join(scratch, 'floorServer.js');
    esbuild.buildSync({ entryPoints: [path.join(__dirname, 'floorServer.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, outfile: floorServerBundle, logLevel: 'warning' });
  }
  return floorServerBundle;
}

/**
 * Preloaded into a spawned server (ours or the floor): on SIGUSR2 it collects the garbage and
 * writes its resident memory to stderr, so both sides are read the same way, after a full GC.
 */
const GC_PROBE = `process.on('SIGUSR2', () => { globalThis.gc(); globalThis.gc(); process.stderr.write('icewarp-bench-rss ' + process.memoryUsage().rss + '\\n'); });\n`;

/** Node options for a spawned server whose memory `rssAfterGc` will read. */
export function gcProbeArgs(): string[] {
  const probe = path.join(scratch, 'gcProbe.js');
  if (!fs.existsSync(probe)) fs.writeFileSync(probe, GC_PROBE);
  return ['--expose-gc', '--require', probe];
}

/** The resident memory (bytes) of a server started with `gcProbeArgs()`, after a full GC. */
export function rssAfterGc(session: TestClient): Promise<number> {
  const child = session.process;
  const stderr = child?.stderr;
  if (!child || !stderr) return Promise.reject(new Error('rssAfterGc needs a spawned server'));
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => done(new Error('the server did not answer the memory probe')), 60_000);
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const match = /icewarp-bench-rss (\d+)\n/.exec(text);
      if (match) done(undefined, Number(match[1]));
    };
    const done = (error?: Error, rss?: number) => {
      clearTimeout(timer);
      stderr.off('data', onData);
      if (error) reject(error);
      else resolve(rss as number);
    };
    stderr.on('data', onData);
    child.kill('SIGUSR2');
  });
}

/** A bare vscode-languageserver started, initialized, collected: its resident memory (bytes). */
export async function bareServerRss(): Promise<number> {
  const session = await TestClient.start({ transport: 'stdio', serverPath: floorServerPath(), execArgv: gcProbeArgs(), validationDelay: 'server-default', waitTimeoutMs: 60_000 });
  try {
    await session.status();
    return await rssAfterGc(session);
  } finally {
    await session.stop();
  }
}
