/**
 * The UI pass: installs the packaged .vsix into a fresh code-server profile with --install-extension,
 * opens the examples in chromium and checks what a person sees — Problems panel, hover, quick fix,
 * highlighting scopes, a Lambda Lens command and the explorer's functions — by the text in the DOM. Screenshots of each step go to docs/images/ for the README.
 *
 * usage: npm run package && tsx test/editor/ui.ts [path/to/extension.vsix]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './browser';
import { copyExamples, defaultVsix, newRunDir, ROOT, runMain, startCodeServer } from './codeServer';
import { suiteEnvironment } from './environment';
import { THUMBNAIL_FUNCTION } from './suite/fixtures';
import { locate, openAt, openWorkbench, passFailed, runCommand } from './workbench';
import { esbuildProject, write } from '../server/measure/projects';

const SHOTS = join(ROOT, 'docs', 'images');
const t0 = Date.now();
const log = (...parts: unknown[]): void => console.log(`[ui +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...parts);

/**
 * The screenshots ship in the vsix, whose size test allows 3 MB: a 256-colour palette keeps them a
 * third of their size with the text still sharp. Without pngquant they stay as taken, and the
 * package test may then fail until they are compressed.
 */
function compressScreenshots(): void {
  const files = readdirSync(SHOTS).filter((f) => f.endsWith('.png')).map((f) => join(SHOTS, f));
  const run = spawnSync('pngquant', ['--quality=70-90', '--speed', '1', '--force', '--ext', '.png', ...files], { encoding: 'utf8' });
  if (run.error) log(`screenshots left uncompressed: pngquant is not installed (${run.error.message}); the vsix size test counts them`);
  else if (run.status !== 0) log(`pngquant exited ${run.status}: ${run.stderr.trim()}`);
  else log(`screenshots compressed with pngquant: ${files.length} files`);
}


/** A TypeScript function built with esbuild, beside the examples; the repository's esbuild stands in for the project's. */
function bundledExample(dir: string): void {
  esbuildProject(join(dir, 'fn'));
  write(dir, 'template.yaml', [
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    '  Bundled:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    '      CodeUri: fn/',
    '      Handler: app.handler',
    '      Runtime: nodejs22.x',
    '    Metadata:',
    '      BuildMethod: esbuild',
    '      BuildProperties:',
    '        EntryPoints: [src/app.ts]',
    "        External: ['@aws-sdk/*']",
    '',
  ].join('\n'));
}

async function main(): Promise<number> {
  const vsix = process.argv[2] ?? defaultVsix();
  const runDir = newRunDir('ui');
  const workspace = copyExamples(runDir);
  bundledExample(join(workspace, 'bundled'));
  const env = await suiteEnvironment(runDir);
  const settings = { ...env.settings, 'workbench.colorTheme': 'Default Dark Modern', 'editor.hover.delay': 200, 'workbench.hover.delay': 200 };
  const server = await startCodeServer({ workspace, runDir, vsix, settings, env: env.variables });
  log(`code-server with ${vsix} installed at ${server.url}`);
  const browser = await launchBrowser(runDir);
  const { page } = browser;
  mkdirSync(SHOTS, { recursive: true });
  try {
    await openWorkbench(page, server.url, workspace);
    log('workbench ready');

    // Problems panel: the broken example's MemorySize finding, by rule id and message.
    const broken = 'broken/template.yaml';
    await openAt(page, broken, ...locate(workspace, broken, 'MemorySize: 16384', 'MemorySize: '.length));
    await page.locator('.squiggly-error').first().waitFor({ timeout: 30_000 });
    await runCommand(page, 'Problems: Focus on Problems View');
    // First thing after opening: the bundle-size lens above the function shows, though the editor lost focus at once.
    const firstLens = page.locator('.codelens-decoration', { hasText: /^code folder · .* zipped/ }).locator('visible=true').first();
    await firstLens.waitFor({ timeout: 20_000 });
    log('first lens on the template just opened:', (await firstLens.innerText()).trim());
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'limits/memory-size' }).first();
    await problem.waitFor({ timeout: 30_000 });
    const problemText = (await problem.innerText()).replace(/\s+/g, ' ');
    if (!problemText.includes('16384')) throw new Error(`the Problems row does not show the value: ${problemText}`);
    log('Problems panel:', problemText);
    await page.screenshot({ path: join(SHOTS, 'problems.png') });

    // Hover on the property: the limit, the resolved value and the rule.
    await openAt(page, broken, ...locate(workspace, broken, 'MemorySize: 16384', 2));
    await runCommand(page, 'Show or Focus Hover');
    const hover = page.locator('.monaco-hover:visible', { hasText: 'Current value' }).filter({ hasText: 'limits/memory-size' }).first();
    await hover.waitFor({ timeout: 15_000 });
    log('hover:', (await hover.innerText()).replace(/\s+/g, ' ').slice(0, 160));
    await page.screenshot({ path: join(SHOTS, 'hover.png') });
    await page.keyboard.press('Escape');

    // Quick fix menu on the same finding.
    await runCommand(page, 'Quick Fix...');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: /MemorySize|10240/ }).first();
    await fix.waitFor({ timeout: 15_000 });
    log('quick fix offered:', (await fix.innerText()).trim());
    await page.screenshot({ path: join(SHOTS, 'quick-fix.png') });
    await page.keyboard.press('Escape');

    // Highlighting: VS Code's own YAML grammar with the injection, as the token inspector reports it.
    await openAt(page, broken, ...locate(workspace, broken, '!GetAtt', 2));
    await runCommand(page, 'Developer: Inspect Editor Tokens and Scopes');
    const inspector = page.locator('.token-inspect-widget', { hasText: 'support.function.intrinsic.cloudformation' });
    await inspector.waitFor({ timeout: 15_000 });
    log('token inspector shows support.function.intrinsic.cloudformation on !GetAtt');
    await page.keyboard.press('Escape');
    await openAt(page, 'app/template.yaml', ...locate(workspace, 'app/template.yaml', '-${Stage}', 4));
    await runCommand(page, 'Developer: Inspect Editor Tokens and Scopes');
    await page.locator('.token-inspect-widget', { hasText: 'variable.other.cloudformation' }).waitFor({ timeout: 15_000 });
    log('token inspector shows variable.other.cloudformation on ${Stage} in a !Sub');
    await page.screenshot({ path: join(SHOTS, 'highlighting.png') });
    await page.keyboard.press('Escape');
    // The bundle-size CodeLens above the functions of the app example (still open).
    await openAt(page, 'app/template.yaml', ...locate(workspace, 'app/template.yaml', 'ThumbnailFunction:', 0));
    const sizeLens = page.locator('.codelens-decoration', { hasText: /zipped · .* unzipped/ }).locator('visible=true').first();
    await sizeLens.waitFor({ timeout: 30_000 });
    log('bundle-size CodeLens:', (await sizeLens.innerText()).trim());
    await page.screenshot({ path: join(SHOTS, 'bundle-size.png') });

    // Deployed: samconfig.toml names stack photos; its ThumbnailFunction was changed by hand.
    const invokeLens = page.locator('.codelens-decoration a', { hasText: `▷ Invoke ${THUMBNAIL_FUNCTION}` }).first();
    await invokeLens.waitFor({ timeout: 30_000 });
    log('deployed CodeLenses:', (await invokeLens.locator('xpath=..').innerText()).replace(/\s+/g, ' '));
    await runCommand(page, 'Problems: Focus on Problems View');
    // The broken example's findings come first: filter the panel as a person would.
    const problemsFilter = page.getByPlaceholder(/^Filter \(e\.g\. text/).first();
    await problemsFilter.fill('deployed/drift');
    const driftRow = page.locator('.markers-panel .monaco-list-row', { hasText: 'deployed/drift' }).first();
    await driftRow.waitFor({ timeout: 30_000 });
    const driftText = (await driftRow.innerText()).replace(/\s+/g, ' ');
    if (!driftText.includes('MemorySize: template 1769, deployed 3008')) throw new Error(`the drift row does not show both values: ${driftText}`);
    log('drift in the Problems panel:', driftText);
    await problemsFilter.fill('');
    await openAt(page, 'app/template.yaml', ...locate(workspace, 'app/template.yaml', 'MemorySize: 1769', 2));
    await runCommand(page, 'Show or Focus Hover');
    await page.locator('.monaco-hover:visible', { hasText: 'Deployed as' }).filter({ hasText: '3008' }).first().waitFor({ timeout: 15_000 });
    log('the drift hover shows both values');
    // Let the hover finish fading in before the screenshot.
    await page.waitForTimeout(500);
    // Kept in the run folder: the vsix ships docs/images and has a size budget.
    await page.screenshot({ path: join(runDir, 'deployed-drift.png') });
    await page.keyboard.press('Escape');
    await page.locator('.codelens-decoration a', { hasText: `▷ Invoke ${THUMBNAIL_FUNCTION}` }).first().click({ timeout: 30_000 });
    const deployedResult = page.locator('.monaco-editor .view-lines', { hasText: 'Status: 200 OK' }).filter({ hasText: 'photos-uploads-dev-123456789012' }).first();
    await deployedResult.waitFor({ timeout: 30_000 });
    log('the Invoke lens ran the deployed function:', (await deployedResult.innerText()).replace(/\s+/g, ' ').slice(0, 120));
    await page.screenshot({ path: join(runDir, 'deployed-invoke.png') });

    // An esbuild function: the lens names its basis, and its breakdown names the heaviest modules.
    await openAt(page, 'bundled/template.yaml', ...locate(workspace, 'bundled/template.yaml', 'Bundled:', 0));
    const bundleLens = page.locator('.codelens-decoration a', { hasText: /^esbuild bundle · .* zipped/ }).first();
    await bundleLens.waitFor({ timeout: 30_000 });
    log('esbuild CodeLens:', (await bundleLens.innerText()).trim());
    await bundleLens.click();
    const heaviest = page.locator('.quick-input-list .monaco-list-row', { hasText: 'prod-lib' }).filter({ hasText: 'imported by src/app.ts' }).first();
    await heaviest.waitFor({ timeout: 15_000 });
    await page.locator('.quick-input-list', { hasText: 'Heaviest modules in the bundle' }).waitFor({ timeout: 5_000 });
    log('breakdown row:', (await heaviest.innerText()).replace(/\s+/g, ' '));
    await page.screenshot({ path: join(SHOTS, 'bundle-breakdown.png') });
    await page.keyboard.press('Escape');

    // F1: a Lambda Lens command from the palette; its quick pick lists the configured region.
    await runCommand(page, 'Lambda Lens: Select Regions');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'us-east-1' }).first().waitFor({ timeout: 15_000 });
    log('F1 "Lambda Lens: Select Regions" offers us-east-1');
    await page.keyboard.press('Escape');

    // Explorer: the functions of the loopback API with runtime, memory and timeout.
    await runCommand(page, 'Lambda Lens: Focus on Functions View');
    const tree = page.locator('.pane', { hasText: 'Functions' });
    const region = tree.locator('.monaco-list-row', { hasText: 'us-east-1' }).first();
    await region.waitFor({ timeout: 30_000 });
    if ((await region.getAttribute('aria-expanded')) !== 'true') await region.click();
    const orders = tree.locator('.monaco-list-row', { hasText: 'orders-api' }).first();
    await orders.waitFor({ timeout: 30_000 });
    await tree.locator('.monaco-list-row', { hasText: 'thumbnail-maker' }).first().waitFor();
    const ordersText = (await orders.innerText()).replace(/\s+/g, ' ');
    if (!ordersText.includes('nodejs22.x · 512 MB · 30 s')) throw new Error(`the orders-api row shows "${ordersText}"`);
    log('explorer row:', ordersText);
    await page.screenshot({ path: join(SHOTS, 'explorer.png') });

    // Invoke: function, version and event from quick picks, then the payload's CodeLens runs it.
    await runCommand(page, 'Lambda Lens: Invoke Function...');
    const pick = async (text: string, filter?: string): Promise<void> => {
      if (filter !== undefined) await page.locator('.quick-input-widget input').fill(filter);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first().click({ timeout: 15_000 });
    };
    await pick('orders-api');
    // The version step appears only when the function has published versions or aliases.
    const title = page.locator('.quick-input-title', { hasText: /version or alias|: event/ }).first();
    await title.waitFor({ timeout: 15_000 });
    if ((await title.innerText()).includes('version or alias')) await pick('$LATEST');
    await pick('sqs-receive-message', 'sqs-receive-message');
    const lens = page.locator('.codelens-decoration a', { hasText: 'Invoke orders-api' }).first();
    await lens.waitFor({ timeout: 30_000 });
    log('payload CodeLenses:', (await page.locator('.codelens-decoration').first().innerText()).replace(/\s+/g, ' '));
    await lens.click();
    const result = page.locator('.monaco-editor .view-lines', { hasText: 'Status: 200 OK' }).filter({ hasText: 'orders-api' }).first();
    await result.waitFor({ timeout: 30_000 });
    const resultText = (await result.innerText()).replace(/\s+/g, ' ');
    if (!resultText.includes('received')) throw new Error(`the result does not show the function's answer: ${resultText.slice(0, 200)}`);
    log('invoke result:', resultText.slice(0, 120));
    await page.screenshot({ path: join(SHOTS, 'invoke-result.png') });
    compressScreenshots();
    log('UI pass: every check passed');
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
