/**
 * `npm start`: the one-command demo. Packages the extension, installs code-server into .editor/ when it
 * is missing, installs the vsix into a private profile (.editor/demo) and serves VS Code on 127.0.0.1
 * with examples/ open. Open the printed URL in a browser; Ctrl+C stops it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_SERVER, EDITOR_HOME, ROOT, startCodeServer } from '../test/editor/codeServer';

function step(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

async function main(): Promise<void> {
  const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  step('npm', ['run', 'package']);
  if (!existsSync(CODE_SERVER)) step('bash', ['test/editor/install.sh', '--server-only']);
  const runDir = join(EDITOR_HOME, 'demo');
  mkdirSync(runDir, { recursive: true });
  const workspace = join(ROOT, 'examples');
  const port = process.env.PORT ? Number(process.env.PORT) : undefined;
  const server = await startCodeServer({ workspace, runDir, vsix: join(ROOT, `${name}-${version}.vsix`), ...(port ? { port } : {}) });
  console.log(`\nLambda Lens ${version} is running in VS Code (code-server) with examples/ open:\n\n  ${server.url}/?folder=${encodeURIComponent(workspace)}\n`);
  console.log('Open examples/broken/template.yaml to see the findings. Ctrl+C stops the server.');
  const stop = (): void => {
    void server.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
