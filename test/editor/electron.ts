/**
 * Runs the same editor suite in desktop VS Code through @vscode/test-electron, which downloads VS Code
 * on first use: only for machines that can reach the VS Code download servers (not CI here, which
 * runs test/editor/run.sh against code-server instead).
 *
 * usage: npm run test:electron
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { copyExamples, newRunDir, ROOT } from './codeServer';
import { suiteEnvironment } from './environment';

async function main(): Promise<number> {
  const runDir = newRunDir('electron');
  const workspace = copyExamples(runDir);
  const env = await suiteEnvironment(runDir);
  const userData = join(runDir, 'user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(env.settings, null, 2));
  try {
    await runTests({
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: join(ROOT, 'out', 'editor-suite', 'index.js'),
      extensionTestsEnv: env.variables,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', userData],
    });
    return 0;
  } finally {
    await env.close();
  }
}

main().then((code) => process.exit(code), (e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
