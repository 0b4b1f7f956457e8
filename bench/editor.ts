/**
 * Editor figures from a real VS Code (code-server) with the packaged vsix installed: the vsix size, the
 * extension's activation time as VS Code's Running Extensions view reports it, and how long the first
 * diagnostic takes to appear after a template is opened.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../test/editor/browser';
import { CHROMIUM, CODE_SERVER, copyExamples, newRunDir, ROOT, startCodeServer } from '../test/editor/codeServer';
import { openAt, openWorkbench, runCommand } from '../test/editor/workbench';

/** Editor figures, or `unavailable` with what to do when code-server or chromium is not installed. */
export async function benchEditor(): Promise<Record<string, unknown>> {
  if (!existsSync(CODE_SERVER) || !existsSync(CHROMIUM)) {
    return { unavailable: 'code-server or chromium is not installed; run test/editor/install.sh' };
  }
  const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  const vsix = join(ROOT, `${name}-${version}.vsix`);
  execFileSync('npm', ['run', 'package'], { cwd: ROOT, stdio: 'ignore' });
  const runDir = newRunDir('bench');
  const workspace = copyExamples(runDir);
  const started = Date.now();
  const server = await startCodeServer({ workspace, runDir, vsix });
  const browser = await launchBrowser(runDir);
  try {
    const { page } = browser;
    await openWorkbench(page, server.url, workspace);
    const workbenchMs = Date.now() - started;
    const opened = Date.now();
    await openAt(page, 'broken/template.yaml', 1, 1);
    await page.locator('.squiggly-error').first().waitFor({ timeout: 60_000 });
    const firstDiagnosticMs = Date.now() - opened;
    await runCommand(page, 'Developer: Show Running Extensions');
    const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Lambda Lens' }).first();
    await row.waitFor({ timeout: 30_000 });
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    const activation = /Activation:\s*(\d+)\s*ms/.exec(text);
    return {
      vsixBytes: statSync(vsix).size,
      activationMs: activation ? Number(activation[1]) : `not reported: "${text}"`,
      workbenchReadyMs: workbenchMs,
      firstDiagnosticMs,
    };
  } finally {
    await browser.close();
    await server.stop();
    rmSync(runDir, { recursive: true, force: true });
    // `npm run package` left production bundles in dist/; put the development build back.
    execFileSync('node', ['esbuild.mjs'], { cwd: ROOT, stdio: 'ignore' });
  }
}
