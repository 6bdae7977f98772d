// The live cluster's commands on the command line: `pull`, `status` and `push`, with the same
// ssh options each. Lines about the run go to stderr; what a script reads (the check after a
// pull, statuses, diffs) to stdout. Exit codes as `check`: 0 fine, 1 problems (a refusal, a node
// not in sync, check's errors), 2 trouble (a host that could not be read, bad usage; 2 wins).
import { createInterface } from 'node:readline/promises';
import * as path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { CheckReport, runCheck } from '../check';
import { formatText } from '../formats/text';
import { countProblems, plural } from '../formats/shared';
import { applyPush, planPush } from './push';
import { pull, shownPath } from './pull';
import { status, statusExitCode, statusLine } from './status';
import { DEFAULT_CONNECT_TIMEOUT, SshOptions } from './ssh';
import { DEFAULT_REMOTE_PATH, LiveUsageError } from './names';
import { CLI_NAME } from '../version';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_TROUBLE, commandOutput, escapeControls, escapeControlsInLines } from '../output';
import { TAKE_EFFECT_NOTE } from '../../../common/liveCluster';

// Through check's guarded output: control characters of remote files escaped, a failed write exit 2.
const output = commandOutput();

interface SshFlags {
  sshConfig?: string;
  acceptNewHostKeys?: boolean;
  sudo?: boolean;
  connectTimeout?: number;
}

const stderr = (line: string) => output.line(line);

function parseSeconds(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 600) throw new InvalidArgumentError('expected whole seconds from 1 to 600.');
  return Number(value);
}

function withSshOptions(command: Command): Command {
  return command
    .option('--ssh-config <file>', 'the ssh client configuration to use (ssh -F) instead of ~/.ssh/config')
    .option('--accept-new-host-keys', 'trust and remember the host key of a server seen for the first time (StrictHostKeyChecking=accept-new); a changed key is still refused')
    .option('--sudo', 'run the SFTP server with sudo -n on the server (Linux; never asks for a password)')
    .addOption(new Option('--connect-timeout <seconds>', 'give up on a server that does not answer within this time').argParser(parseSeconds).default(DEFAULT_CONNECT_TIMEOUT));
}

function sshOptions(flags: SshFlags): SshOptions {
  return {
    ...(flags.sshConfig ? { sshConfig: path.resolve(flags.sshConfig) } : {}),
    acceptNewHostKeys: flags.acceptNewHostKeys === true,
    sudo: flags.sudo === true,
    connectTimeout: flags.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT,
  };
}

/** `check`'s verdict on a folder: 2 for input trouble, 1 for errors, else 0. */
function checkExitCode(report: CheckReport): number {
  if (report.problems.length > 0 || report.internalErrors.length > 0) return EXIT_TROUBLE;
  return countProblems(report).error > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

function printCheck(report: CheckReport): void {
  for (const problem of report.problems) stderr(`${shownPath(problem.path)}: ${problem.reason}`);
  output.out(formatText(report, process.stdout.isTTY === true && (process.env.NO_COLOR ?? '') === ''));
}

/** Runs a command body; a LiveUsageError is one line and exit code 2. */
async function guarded(body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof LiveUsageError) {
      stderr(`${CLI_NAME}: ${error.message}`);
      return EXIT_TROUBLE;
    }
    throw error;
  }
}

export function registerLiveCommands(root: Command): void {
  withSshOptions(
    root
      .command('pull')
      .description('read the node file of <host> over SSH (sftp), then of every host its cluster names (lines 15 and 16), into <dir>/<host>/; record what was read in <dir>/.icewarp-cluster.json and check the folder')
      .argument('<host>', 'a host name or IP address, as ssh knows it (its ~/.ssh/config applies)')
      .option('--into <dir>', 'the folder to pull into', '.')
      .option('--remote-path <path>', 'the node file on the servers (relative: from the ssh user\'s home)', DEFAULT_REMOTE_PATH)
      .option('--no-discover', 'pull <host> only, not the hosts its file names'),
  ).action(async (host: string, flags: SshFlags & { into: string; remotePath: string; discover: boolean }) => {
    output.exit(await guarded(async () => {
      const outcome = await pull({ host, folder: flags.into, remotePath: flags.remotePath, discover: flags.discover, ssh: sshOptions(flags), report: stderr });
      // Nothing pulled: the failure's own line says it all.
      if (outcome.pulled.length === 0) return EXIT_TROUBLE;
      const shownFolder = shownPath(outcome.folder);
      stderr(
        `Pulled ${plural(outcome.pulled.length, 'node')} into ${shownFolder}${outcome.failed.length > 0 ? `; ${plural(outcome.failed.length, 'host')} could not be read (${outcome.failed.map((failure) => failure.host).join(', ')})` : ''}.`,
      );
      const report = await runCheck({ paths: [outcome.folder], rules: {}, useConfig: true, fix: 'none', notify: stderr });
      printCheck(report);
      return outcome.failed.length > 0 ? EXIT_TROUBLE : checkExitCode(report);
    }));
  });

  withSshOptions(
    root
      .command('status')
      .description('compare each pulled node with its server: in sync, changed locally, changed on the server, or both (exit 0 all in sync, 1 otherwise, 2 a server could not be read)')
      .argument('[dir]', 'a folder a cluster was pulled into', '.'),
  ).action(async (dir: string, flags: SshFlags) => {
    output.exit(await guarded(async () => {
      const statuses = await status(dir, sshOptions(flags));
      for (const node of statuses) output.out(`${escapeControls(statusLine(node))}\n`);
      return statusExitCode(statuses);
    }));
  });

  withSshOptions(
    root
      .command('push')
      .description('write the nodes changed locally back to their servers, all or none: refused when a server changed since the pull, the folder has an error, or a file cannot be written; shows the diff and asks first')
      .argument('[dir]', 'a folder a cluster was pulled into', '.')
      .option('--dry-run', 'show the diff per node and stop')
      .option('-y, --yes', 'do not ask for confirmation (needed without a terminal)'),
  ).action(async (dir: string, flags: SshFlags & { dryRun?: boolean; yes?: boolean }) => {
    output.exit(await guarded(() => push(dir, flags)));
  });
}

async function push(dir: string, flags: SshFlags & { dryRun?: boolean; yes?: boolean }): Promise<number> {
  const request = { folder: dir, ssh: sshOptions(flags), report: stderr };
  const plan = await planPush(request);
  if (plan.check) printCheck(plan.check);
  for (const refusal of plan.refusals) stderr(`${refusal.host}: refused: ${refusal.reason}`);
  for (const failure of plan.unreachable) stderr(`${failure.host}: ${failure.reason}`);
  if (plan.refusals.length > 0 || plan.unreachable.length > 0) {
    stderr('Nothing was written.');
    return plan.unreachable.length > 0 ? EXIT_TROUBLE : EXIT_PROBLEMS;
  }
  if (plan.nodes.length === 0) {
    stderr('Nothing to push: no node changed locally since the pull.');
    return EXIT_OK;
  }
  for (const node of plan.nodes) {
    // On a terminal, for the eye: the files' control characters escaped.
    output.out(process.stdout.isTTY === true ? escapeControlsInLines(node.diff) : node.diff);
    if (node.endings) stderr(`${node.node.host}: the local copy's line endings differ from the server's; written with the server's (${node.endings})`);
  }
  const hosts = plan.nodes.map((node) => node.node.host).join(', ');
  if (flags.dryRun) {
    stderr(`Dry run: nothing was written (${plural(plan.nodes.length, 'node')} would be: ${hosts}).`);
    return EXIT_OK;
  }
  if (!flags.yes) {
    if (!process.stdin.isTTY) {
      stderr('No terminal to confirm on: pass --yes to write. Nothing was written.');
      return EXIT_TROUBLE;
    }
    const prompt = createInterface({ input: process.stdin, output: process.stderr });
    const answer = await prompt.question(`Write ${plural(plan.nodes.length, 'node')} (${hosts})? [y/N] `);
    prompt.close();
    if (!/^y(es)?$/i.test(answer.trim())) {
      stderr('Nothing was written.');
      return EXIT_PROBLEMS;
    }
  }
  const result = await applyPush(plan, request);
  for (const leftover of result.leftovers) stderr(`${leftover.host}: could not delete ${leftover.path} on the server; delete it by hand`);
  if (!result.ok) return EXIT_PROBLEMS;
  stderr(`Pushed ${plural(result.written.length, 'node')} (${result.written.join(', ')}); each server keeps a backup beside its file.`);
  stderr(`${TAKE_EFFECT_NOTE} (${result.written.join(', ')}) for the change to take effect.`);
  return EXIT_OK;
}
