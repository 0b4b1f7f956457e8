/**
 * Runs the same editor suite in desktop VS Code through @vscode/test-electron, which downloads VS Code
 * on first use: only for machines that can reach the VS Code download servers (not CI here, which
 * runs test/editor/run.sh against code-server instead).
 *
 * usage: npm run test:electron
 */
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { copyExamples, newRunDir, ROOT } from './codeServer';

async function main(): Promise<number> {
  const runDir = newRunDir('electron');
  const workspace = copyExamples(runDir);
  await runTests({
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(ROOT, 'out', 'editor-suite', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(runDir, 'user-data')],
  });
  return 0;
}

main().then((code) => process.exit(code), (e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
