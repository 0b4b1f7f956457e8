// Bundles the editor suite (test/editor/suite/*.ts) into out/editor-suite/, one file per entry, for the
// extension host to load as extensionTestsPath. `vscode` comes from the host; mocha from node_modules.
import { readdirSync } from 'node:fs';
import * as esbuild from 'esbuild';

const suite = 'test/editor/suite';
await esbuild.build({
  entryPoints: readdirSync(suite).filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => `${suite}/${f}`),
  outdir: 'out/editor-suite',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
