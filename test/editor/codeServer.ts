/**
 * Starts and stops code-server (VS Code 1.100 with a Node extension host) from the git-ignored
 * .editor/ folder that test/editor/install.sh fills. Every run gets a private profile: user data,
 * extensions and XDG folders live in one run folder, so nothing touches $HOME.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort } from '../support/ports';

/** The repository root. */
export const ROOT = resolve(__dirname, '..', '..');
/** Where install.sh puts code-server and where runs keep their profiles (git-ignored). */
export const EDITOR_HOME = process.env.EDITOR_HOME ?? join(ROOT, '.editor');
/** The code-server launcher installed by install.sh. */
export const CODE_SERVER = join(EDITOR_HOME, 'cs', 'node_modules', '.bin', 'code-server');
/** Debian's chromium, or the browser named by $CHROMIUM. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Settings that keep the workbench quiet and deterministic: no welcome page, tips, trust prompt or updates. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'remote.autoForwardPorts': false,
};

/** How to start code-server for one run. */
export interface CodeServerOptions {
  /** Folder opened in the workbench. */
  readonly workspace: string;
  /** Folder holding this run's profile; created under .editor/runs when absent. */
  readonly runDir?: string;
  /** Port on 127.0.0.1; a free one when absent. */
  readonly port?: number;
  /** User settings added to the quiet defaults. */
  readonly settings?: Record<string, unknown>;
  /** Environment of the server, which the extension host inherits. */
  readonly env?: Record<string, string>;
  /** A .vsix installed into the private profile before the server starts. */
  readonly vsix?: string;
}

/** A running code-server. */
export interface CodeServer {
  readonly url: string;
  readonly port: number;
  readonly runDir: string;
  readonly logFile: string;
  /** Stops the server's whole process group (the extension host included). */
  stop(): Promise<void>;
}

/** Fails with what to do when test/editor/install.sh has not run. */
export function assertInstalled(): void {
  if (!existsSync(CODE_SERVER)) throw new Error(`code-server is missing (${CODE_SERVER}); run test/editor/install.sh first`);
}

/** A new run folder under .editor/runs. */
export function newRunDir(prefix: string): string {
  mkdirSync(join(EDITOR_HOME, 'runs'), { recursive: true });
  return mkdtempSync(join(EDITOR_HOME, 'runs', `${prefix}-`));
}

/** Copies examples/ into the run folder so tests may edit files without touching the repository. */
export function copyExamples(runDir: string): string {
  const ws = join(runDir, 'examples');
  cpSync(join(ROOT, 'examples'), ws, { recursive: true });
  return ws;
}


/** Polls `probe` every `stepMs` until it returns a value; throws naming `what` after `timeoutMs`. */
export async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 30_000, stepMs = 200): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

function profileArgs(runDir: string): string[] {
  return ['--config', join(runDir, 'cs-config.yaml'), '--user-data-dir', join(runDir, 'ud'), '--extensions-dir', join(runDir, 'ext')];
}

function profileEnv(runDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    XDG_CONFIG_HOME: join(runDir, 'xdg', 'config'),
    XDG_DATA_HOME: join(runDir, 'xdg', 'data'),
    XDG_CACHE_HOME: join(runDir, 'xdg', 'cache'),
  };
}

/** Starts code-server on 127.0.0.1 and resolves once it answers its health check. */
export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  assertInstalled();
  const runDir = opts.runDir ?? newRunDir('cs');
  mkdirSync(join(runDir, 'ud', 'User'), { recursive: true });
  mkdirSync(join(runDir, 'ext'), { recursive: true });
  writeFileSync(join(runDir, 'ud', 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...opts.settings }, null, 2));
  // An empty config file keeps code-server from writing ~/.config/code-server/config.yaml.
  writeFileSync(join(runDir, 'cs-config.yaml'), '');
  const env = { ...profileEnv(runDir), ...opts.env };
  if (opts.vsix) {
    const installed = spawnSync(CODE_SERVER, [...profileArgs(runDir), '--install-extension', opts.vsix, '--force'], { env, encoding: 'utf8' });
    if (installed.status !== 0) throw new Error(`code-server --install-extension ${opts.vsix} failed:\n${installed.stdout}${installed.stderr}`);
  }
  const port = opts.port ?? (await freePort());
  const logFile = join(runDir, 'code-server.log');
  const out = openSync(logFile, 'a');
  const args = [
    ...profileArgs(runDir), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', resolve(opts.workspace),
  ];
  // A process group of its own: stopping only code-server would orphan the extension host.
  const child = spawn(CODE_SERVER, args, { env, detached: true, stdio: ['ignore', out, out] });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`code-server did not start; see ${logFile}`);
  let exited = false;
  child.once('exit', () => (exited = true));
  const stop = async (): Promise<void> => {
    const signal = (s: NodeJS.Signals | 0): boolean => {
      try {
        process.kill(-pid, s);
        return true;
      } catch {
        return false;
      }
    };
    if (!signal('SIGTERM')) return;
    try {
      await waitFor(() => !signal(0) || undefined, 'code-server to stop', 3000, 100);
    } catch {
      signal('SIGKILL');
    }
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(async () => {
      if (exited) throw new Error(`code-server exited during startup; see ${logFile}`);
      return (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) || undefined;
    }, 'code-server to answer /healthz', 30_000);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, port, runDir, logFile, stop };
}

/** The .vsix `npm run package` writes: `<name>-<version>.vsix` at the repository root. */
export function defaultVsix(): string {
  const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  return join(ROOT, `${name}-${version}.vsix`);
}

/** Runs a UI pass's main and exits with its code (2 when it throws before deciding). */
export function runMain(main: () => Promise<number>): void {
  main().then((code) => process.exit(code), (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  });
}
