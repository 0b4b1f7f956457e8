/**
 * A cold start on the 1,000-function template: `lambda-lens check` (the bundled binary, as a user runs
 * it) and the language server from process start to the first diagnostics of the opened template.
 * Wall times are medians of 3 runs; `cpu` is one more run under `--cpu-prof`, its main-thread time
 * split by phase (bench/profile.ts): module load, parse, model, rules, output, data (the bundled
 * specification parsed on first read), garbage collector.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../test/support/lspClient';
import type { StartOptions } from '../test/support/lspClient';
import { functionsTemplate } from '../server/src/template/sample';
import { profilePhases } from './profile';
import { median, time } from './stats';

const CLI_JS = join(__dirname, '..', 'dist', 'cli.js');
const RUNS = 3;

export async function benchStartup(): Promise<Record<string, unknown>> {
  const text = functionsTemplate(1_000);
  const dir = mkdtempSync(join(tmpdir(), 'lambda-lens-bench-'));
  try {
    const file = join(dir, 'template.yaml');
    writeFileSync(file, text);
    const loadAverage = loadavg().map((l) => Math.round(l * 100) / 100);
    return { functions: 1_000, bytes: text.length, loadAverage, cli: cliCheck(file, dir), server: await serverStart(text, dir) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function cliCheck(file: string, dir: string): Record<string, unknown> {
  const run = (node: string[] = []) => spawnSync(process.execPath, [...node, CLI_JS, 'check', file, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const findings = (JSON.parse(run().stdout) as unknown[]).length;
  const wall = Array.from({ length: RUNS }, () => time(() => run()));
  const profiles = join(dir, 'cli-profile');
  run(['--cpu-prof', '--cpu-prof-dir', profiles]);
  return { findings, wallMs: Math.round(median(wall)), cpuMs: profilePhases(profiles) };
}

async function serverStart(text: string, dir: string): Promise<Record<string, unknown>> {
  const once = async (options: StartOptions = {}) => {
    const started = performance.now();
    const server = await startServer(options);
    const initializedMs = performance.now() - started;
    const uri = 'untitled:startup.yaml';
    const published = server.nextDiagnostics(uri, (p) => p.version === 1, 120_000);
    server.open(uri, text);
    const diagnostics = (await published).length;
    const firstDiagnosticsMs = performance.now() - started;
    await server.stop();
    return { initializedMs, firstDiagnosticsMs, diagnostics };
  };
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once());
  const profiles = join(dir, 'server-profile');
  await once({ execArgv: ['--cpu-prof', '--cpu-prof-dir', profiles] });
  return {
    diagnostics: runs[0]!.diagnostics,
    initializedMs: Math.round(median(runs.map((r) => r.initializedMs))),
    firstDiagnosticsMs: Math.round(median(runs.map((r) => r.firstDiagnosticsMs))),
    cpuMs: profilePhases(profiles),
  };
}
