/** Launches Debian's chromium through playwright-core (no browser download) with a throwaway profile. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM } from './codeServer';

/** A launched chromium with its one page. */
export interface Browser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every console line of the workbench, for the run folder when something fails. */
  readonly consoleLines: string[];
  /** Closes chromium and deletes its profile. */
  close(): Promise<void>;
}

/** Starts headless chromium with a profile inside `runDir`. */
export async function launchBrowser(runDir: string, viewport = { width: 1400, height: 860 }): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`chromium is missing (${CHROMIUM}); run test/editor/install.sh first`);
  const profile = mkdtempSync(join(runDir, 'chrome-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleLines: string[] = [];
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  const close = async (): Promise<void> => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, page, consoleLines, close };
}
