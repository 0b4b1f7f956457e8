/**
 * The explorer's UI pass: the packaged .vsix in a fresh code-server profile, pointed at the loopback
 * Lambda API through `lambdaLens.endpoint`, with two regions and a named profile from the shared
 * config files. On the FIRST expansion of each region it clicks what a person clicks — Load more,
 * Account, the inline ▶ and a context-menu command — and checks what each one shows.
 *
 * usage: npm run package && tsx test/editor/explorerUi.ts [path/to/extension.vsix]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { startLambdaApi } from '../support/lambdaApi';
import { launchBrowser } from './browser';
import { copyExamples, defaultVsix, newRunDir, ROOT, runMain, startCodeServer } from './codeServer';
import { openWorkbench, passFailed, runCommand } from './workbench';

const t0 = Date.now();
const log = (...parts: unknown[]): void => console.log(`[explorer-ui +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...parts);


/** Fails when VS Code showed one of the messages of dead tree items. */
async function assertNoDeadItemMessage(page: Page): Promise<void> {
  const text = (await page.locator('.notifications-toasts, .notification-toast-container').allInnerTexts()).join('\n');
  for (const bad of [/Actual command not found/, /Run this command from a function/]) {
    if (bad.test(text)) throw new Error(`VS Code says: ${text.replace(/\s+/g, ' ').slice(0, 200)}`);
  }
}

async function main(): Promise<number> {
  const vsix = process.argv[2] ?? defaultVsix();
  const runDir = newRunDir('explorer-ui');
  const workspace = copyExamples(runDir);
  const api = await startLambdaApi({ credentials: [{ accessKeyId: 'AKIDUI', secretAccessKey: 'ui-secret' }] });
  for (let i = 0; i < 120; i++) api.addFunction({ FunctionName: `orders-${String(i).padStart(3, '0')}`, Timeout: 30, Environment: { Variables: { DB_PASSWORD: `hunter${i}` } } }, 'us-east-1');
  for (const name of ['billing-api', 'billing-worker', 'billing-cron']) api.addFunction({ FunctionName: name, Runtime: 'python3.13' }, 'eu-west-1');
  writeFileSync(join(runDir, 'aws-config'), '[profile ui]\nregion = us-east-1\n');
  writeFileSync(join(runDir, 'aws-credentials'), '[ui]\naws_access_key_id = AKIDUI\naws_secret_access_key = ui-secret\n');
  const server = await startCodeServer({
    workspace,
    runDir,
    vsix,
    settings: { 'lambdaLens.endpoint': api.endpoint, 'lambdaLens.regions': ['us-east-1', 'eu-west-1'], 'lambdaLens.profile': 'ui' },
    env: { AWS_CONFIG_FILE: join(runDir, 'aws-config'), AWS_SHARED_CREDENTIALS_FILE: join(runDir, 'aws-credentials') },
  });
  log(`code-server with ${vsix} installed at ${server.url}`);
  const browser = await launchBrowser(runDir);
  const { page } = browser;
  try {
    await openWorkbench(page, server.url, workspace);
    await runCommand(page, 'Lambda Lens: Focus on Functions View');
    const tree = page.locator('.pane', { hasText: 'Functions' }).locator('.monaco-list').first();
    const row = (text: string | RegExp): Locator => tree.locator('.monaco-list-row', { hasText: text }).first();

    for (const [region, first, more] of [['us-east-1', 'orders-000', 'orders-050'], ['eu-west-1', 'billing-api', undefined]] as const) {
      // The region's first expansion: everything below is clicked before anything refreshes it.
      const regionRow = row(region);
      await regionRow.waitFor({ timeout: 30_000 });
      if ((await regionRow.getAttribute('aria-expanded')) !== 'true') await regionRow.click();
      await row(first).waitFor({ timeout: 30_000 });
      log(`${region}: first expansion lists ${first}`);

      if (more) {
        // The tree draws only the rows in view: End scrolls to the last one, "Load more…".
        await page.keyboard.press('End');
        await row('Load more…').click();
        await regionRow.filter({ hasText: '100+ functions' }).waitFor({ timeout: 15_000 });
        await assertNoDeadItemMessage(page);
        log(`${region}: Load more loaded the next page (region reads "100+ functions")`);
        await page.keyboard.press('Home');
      }

      await row(/^Account/).click();
      await row('Concurrency limit').waitFor({ timeout: 15_000 });
      log(`${region}: Account expands to its settings`);
      await row(/^Account/).click();

      const fn = row(first);
      await fn.hover();
      await fn.locator('.action-label[aria-label^="Invoke Function"]').click();
      const title = page.locator('.quick-input-title');
      await title.filter({ hasText: first }).waitFor({ timeout: 15_000 });
      log(`${region}: inline ▶ asks about ${first}: "${(await title.innerText()).trim()}"`);
      await page.keyboard.press('Escape');
      await assertNoDeadItemMessage(page);

      const configTab = page.locator('.tabs-container .tab', { hasText: `${first}.json` });
      // A click that lands while the menu is still being laid out is lost: open it again then.
      for (let attempt = 1; ; attempt++) {
        await fn.click({ button: 'right' });
        const item = page.locator('.context-view .action-label', { hasText: 'Show Configuration (JSON)' });
        await item.waitFor();
        await item.hover();
        await item.click();
        try {
          await configTab.waitFor({ timeout: 5_000 });
          break;
        } catch (e) {
          if (attempt >= 3) throw e;
          await page.keyboard.press('Escape');
        }
      }
      await page.locator('.monaco-editor .view-lines', { hasText: `"FunctionName": "${first}"` }).first().waitFor({ timeout: 15_000 });
      await assertNoDeadItemMessage(page);
      log(`${region}: context menu "Show Configuration (JSON)" opened ${first}.json`);
      if (region === 'us-east-1') {
        const lines = page.locator('.monaco-editor .view-lines').first();
        await lines.filter({ hasText: '"DB_PASSWORD": "••••"' }).waitFor({ timeout: 10_000 });
        if ((await lines.innerText()).includes('hunter0')) throw new Error('the configuration shows a secret before Reveal Values');
        await page.locator('.editor-actions .action-label[aria-label^="Reveal Values"]').click();
        await page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Reveal Values' }).click();
        await lines.filter({ hasText: '"DB_PASSWORD": "hunter0"' }).waitFor({ timeout: 10_000 });
        log(`${region}: values masked as •••• until "Reveal Values" is confirmed`);
      }
      await page.screenshot({ path: join(runDir, `${region}.png`) });
      await runCommand(page, 'View: Close All Editors');
      await runCommand(page, 'Lambda Lens: Focus on Functions View');
      await regionRow.click();
    }
    // Invoke's picks: the typed text survives "Enter a function name", and a failed alias listing says why.
    await runCommand(page, 'Lambda Lens: Invoke Function...');
    const input = page.locator('.quick-input-widget input');
    await input.fill('billing-typo');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Enter a function name or ARN' }).click();
    await page.locator('.quick-input-title', { hasText: 'Invoke: function name or ARN' }).waitFor({ timeout: 10_000 });
    if ((await input.inputValue()) !== 'billing-typo') throw new Error(`the name box holds "${await input.inputValue()}", not the typed text`);
    log('invoke: the typed name is kept in the name box');
    await page.keyboard.press('Escape');
    api.faults.add({ kind: 'access-denied', operation: 'ListAliases' });
    await runCommand(page, 'Lambda Lens: Invoke Function...');
    await input.fill('billing-cron');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'billing-cron' }).first().click();
    const reason = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Could not list versions and aliases: Access denied in eu-west-1' });
    await reason.waitFor({ timeout: 10_000 });
    log('invoke: the version pick says why aliases are missing');
    await page.keyboard.press('Escape');
    log('explorer UI pass: every check passed');
    return 0;
  } catch (e) {
    return passFailed(page, runDir, server.logFile, e, log);
  } finally {
    await browser.close();
    await server.stop();
    await api.close();
  }
}

runMain(main);
