/** Workbench steps shared by the UI passes and the editor benchmark: the command palette, Quick Open, places in files, a failed pass's report. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** 1-based line and column of `text` (plus `offset` characters) in a workspace file. */
export function locate(workspace: string, file: string, text: string, offset = 0): [number, number] {
  const lines = readFileSync(join(workspace, file), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(text));
  if (line < 0) throw new Error(`"${text}" is not in ${file}`);
  return [line + 1, (lines[line] ?? '').indexOf(text) + offset + 1];
}

/** Opens the workbench on `folder` and waits for the explorer to list it. */
export async function openWorkbench(page: Page, url: string, folder: string): Promise<void> {
  await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
}

/** Runs a command through F1, retrying while contributions are still arriving. */
export async function runCommand(page: Page, label: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${label}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
    try {
      await row.waitFor({ timeout: 3000 });
    } catch {
      await page.keyboard.press('Escape');
      if (attempt >= 5) throw new Error(`command "${label}" is not in the command palette`);
      continue;
    }
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
    return;
  }
}

/** Opens a workspace file (`folder/name`) through Quick Open and moves the cursor to line:column (1-based). */
export async function openAt(page: Page, file: string, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(file);
  const parts = file.split('/');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: parts.pop() });
  await (parts.length > 0 ? row.filter({ hasText: parts.join('/') }) : row).first().click();
  await page.locator('.monaco-editor .view-lines').first().waitFor();
  await page.keyboard.press('Control+P');
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
}

/**
 * What a UI pass does when a check fails: a screenshot of the workbench in the run folder, and one
 * line saying what failed and where the screenshot and the server log are. Returns the exit code.
 */
export async function passFailed(page: Page, runDir: string, serverLog: string, e: unknown, log: (...parts: unknown[]) => void): Promise<number> {
  const shot = join(runDir, 'failure.png');
  await page.screenshot({ path: shot }).catch(() => undefined);
  log(`FAILED: ${e instanceof Error ? e.message : String(e)} (screenshot ${shot}, log ${serverLog})`);
  return 1;
}
