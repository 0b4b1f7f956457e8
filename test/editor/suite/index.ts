/**
 * Entry of the editor suite, loaded by the extension host (code-server or @vscode/test-electron) as
 * `extensionTestsPath`: runs every compiled *.test.js beside it with mocha and rejects on failure.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

/** Called by the extension host once the extension under test is loaded. */
export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(join(__dirname, file));
  }
  const failures = await new Promise<number>((done) => mocha.run(done));
  if (failures > 0) throw new Error(`${failures} editor test(s) failed`);
}
