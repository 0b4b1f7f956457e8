/**
 * Runs the editor suite (out/editor-suite/index.js) inside code-server's extension host, the way
 * @vscode/test-electron does with --extensionDevelopmentPath / --extensionTestsPath. code-server's
 * CLI refuses those flags; the web workbench takes them from the `payload` URL parameter. The
 * workbench forwards the extension host's console to window.codeAutomationLog and the result to
 * window.codeAutomationExit, which this driver exposes before the page loads.
 *
 * usage: tsx test/editor/runSuite.ts        exit code 0 when every test passed
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { launchBrowser } from './browser';
import { copyExamples, newRunDir, ROOT, startCodeServer } from './codeServer';
import { suiteEnvironment } from './environment';

const SUITE = join(ROOT, 'out', 'editor-suite', 'index.js');
const TIMEOUT_MS = Number(process.env.EDITOR_TEST_TIMEOUT_MS ?? 180_000);
// Workbench chatter that is not output of the extension or the suite.
const QUIET = [/^Resolv(ing|ed) connection token/, /^Creating a socket/, /^Updating additional builtin/, /^\[Service Worker\]/,
  /^ChatSessionStore/, /open-vsx\.org|getaddrinfo ENOTFOUND/, /^Creation of workbench contribution/, /^\s*$/];

async function main(): Promise<number> {
  const t0 = Date.now();
  const runDir = newRunDir('suite');
  const workspace = copyExamples(runDir);
  const env = await suiteEnvironment(runDir);
  const server = await startCodeServer({ workspace, runDir, settings: env.settings, env: env.variables });
  const browser = await launchBrowser(runDir);
  try {
    const authority = new URL(server.url).host;
    const remote = (p: string): string => `vscode-remote://${authority}${p}`;
    const payload = [['extensionDevelopmentPath', remote(ROOT)], ['extensionTestsPath', remote(SUITE)]];
    const { page } = browser;
    await page.exposeFunction('codeAutomationLog', (level: string, args: unknown) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      if (QUIET.some((rx) => rx.test(line))) return;
      (level === 'error' ? process.stderr : process.stdout).write(`  | ${line}\n`);
    });
    let finish: (code: number) => void = () => undefined;
    const exited = new Promise<number>((done) => (finish = done));
    await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const timeout = new Promise<'timeout'>((done) => setTimeout(() => done('timeout'), TIMEOUT_MS).unref());
    const code = await Promise.race([exited, timeout]);
    if (code === 'timeout') console.error(`the suite did not finish within ${TIMEOUT_MS} ms`);
    const seconds = ((Date.now() - t0) / 1000).toFixed(1);
    console.log(`[editor] suite exit code ${code} after ${seconds} s (run folder ${runDir})`);
    return code === 0 ? 0 : 1;
  } finally {
    writeFileSync(join(runDir, 'browser-console.log'), browser.consoleLines.join('\n'));
    await browser.page.screenshot({ path: join(runDir, 'final.png') }).catch(() => undefined);
    await browser.close();
    await server.stop();
    await env.close();
  }
}

main().then((code) => process.exit(code), (e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});
