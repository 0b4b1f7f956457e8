/**
 * The navigation UI pass: the packaged .vsix in a fresh code-server profile, on the app example. It
 * does what a person does — Go to Definition on a `!Ref`, types a `!GetAtt` and picks an attribute
 * from the suggestions, renames a logical id with F2 — and checks what the editor shows after each.
 * The completion screenshot (JPEG, cropped) goes to docs/images/ for the README; the others stay in the run folder.
 *
 * usage: npm run package && tsx test/editor/navigationUi.ts [path/to/extension.vsix]
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { copyExamples, defaultVsix, newRunDir, ROOT, runMain, startCodeServer } from './codeServer';
import { suiteEnvironment } from './environment';
import { locate, openAt, openWorkbench, passFailed, runCommand } from './workbench';

const SHOTS = join(ROOT, 'docs', 'images');
const FILE = 'app/template.yaml';
const t0 = Date.now();
const log = (...parts: unknown[]): void => console.log(`[navigation-ui +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...parts);

/** The cursor's line, as the status bar shows it ("Ln 47, Col 3"). */
async function cursorLine(page: Page): Promise<number> {
  const text = await page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first().innerText();
  return Number(/Ln (\d+)/.exec(text)![1]);
}

/** The visible text of the active editor. */
async function editorText(page: Page): Promise<string> {
  return (await page.locator('.monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
}

async function main(): Promise<number> {
  const vsix = process.argv[2] ?? defaultVsix();
  const runDir = newRunDir('navigation-ui');
  const workspace = copyExamples(runDir);
  const env = await suiteEnvironment(runDir);
  const settings = { ...env.settings, 'workbench.colorTheme': 'Default Dark Modern', 'editor.quickSuggestions': { other: 'on', comments: 'off', strings: 'on' } };
  const server = await startCodeServer({ workspace, runDir, vsix, settings, env: env.variables });
  log(`code-server with ${vsix} installed at ${server.url}`);
  const browser = await launchBrowser(runDir);
  const { page } = browser;
  try {
    await openWorkbench(page, server.url, workspace);
    const [declaration] = locate(workspace, FILE, 'PhotosTable:');

    // Go to Definition on `!Ref PhotosTable` lands on the resource's key.
    await openAt(page, FILE, ...locate(workspace, FILE, '!Ref PhotosTable', '!Ref Ph'.length));
    // The language server is ready once the example's diagnostics are in.
    await page.locator('.squiggly-warning, .squiggly-error, .squiggly-info').first().waitFor({ timeout: 30_000 }).catch(() => undefined);
    for (let attempt = 0; (await cursorLine(page)) !== declaration; attempt++) {
      if (attempt === 5) throw new Error(`Go to Definition left the cursor on line ${await cursorLine(page)}, not ${declaration}`);
      await runCommand(page, 'Go to Definition');
      await page.waitForTimeout(500);
    }
    log(`Go to Definition on !Ref PhotosTable moved the cursor to line ${declaration}`);

    // Completion: a new variable naming the table's attribute, picked from the suggestions.
    await openAt(page, FILE, ...locate(workspace, FILE, 'THUMBNAIL_WIDTH: !Ref ThumbnailWidth', 'THUMBNAIL_WIDTH: !Ref ThumbnailWidth'.length));
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('TABLE_STREAM: !GetAtt PhotosTable.', { delay: 30 });
    const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: 'StreamArn' }).first();
    await suggestion.waitFor({ timeout: 20_000 }).catch(async () => {
      await runCommand(page, 'Trigger Suggest');
      await suggestion.waitFor({ timeout: 20_000 });
    });
    const offered = (await page.locator('.suggest-widget .monaco-list-row').allInnerTexts()).map((s) => s.split('\n')[0]!.trim());
    if (!offered.includes('Arn')) throw new Error(`the suggestions do not offer Arn: ${offered.join(', ')}`);
    log('suggestions after !GetAtt PhotosTable.:', offered.join(', '));
    // A small picture of the lines around the list: the vsix ships docs/images and has a size budget.
    const list = (await page.locator('.suggest-widget').first().boundingBox())!;
    const editor = (await page.locator('.monaco-editor').first().boundingBox())!;
    const clip = { x: editor.x, y: Math.max(0, list.y - 140), width: Math.min(editor.width, list.x + list.width + 40 - editor.x), height: list.height + 180 };
    await page.screenshot({ path: join(SHOTS, 'completion.jpg'), type: 'jpeg', quality: 70, clip });
    await suggestion.click();
    await page.locator('.monaco-editor .view-lines', { hasText: 'TABLE_STREAM: !GetAtt PhotosTable.StreamArn' }).first().waitFor({ timeout: 10_000 });
    log('picked StreamArn');

    // Rename with F2 on the declaration: every reference follows.
    await openAt(page, FILE, declaration, 4);
    await page.keyboard.press('F2');
    const input = page.locator('.rename-box input, .rename-box textarea').first();
    await input.waitFor({ timeout: 15_000 });
    await input.fill('PhotoIndex');
    await page.screenshot({ path: join(runDir, 'rename.png') });
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-lines', { hasText: 'PhotoIndex:' }).first().waitFor({ timeout: 15_000 });
    await openAt(page, FILE, ...locate(workspace, FILE, 'PHOTOS_TABLE: !Ref PhotosTable', 0));
    const renamed = await editorText(page);
    if (!renamed.includes('!Ref PhotoIndex') || !renamed.includes('!GetAtt PhotoIndex.StreamArn') || renamed.includes('PhotosTable')) {
      throw new Error(`after the rename the editor shows: ${renamed.slice(0, 400)}`);
    }
    log('F2 renamed PhotosTable to PhotoIndex in the declaration, !Ref and !GetAtt');
    await runCommand(page, 'File: Revert File');
    log('navigation UI pass: every check passed');
    return 0;
  } catch (e) {
    return passFailed(page, runDir, server.logFile, e, log);
  } finally {
    await browser.close();
    await server.stop();
    await env.close();
  }
}

runMain(main);
