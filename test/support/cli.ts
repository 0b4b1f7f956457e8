/** Runs the bundled CLI (`node dist/cli.js`) as a user's shell would, capturing output and exit code. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const CLI_JS = join(__dirname, '..', '..', 'dist', 'cli.js');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: string[], cwd: string): CliRun {
  const r = spawnSync(process.execPath, [CLI_JS, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
