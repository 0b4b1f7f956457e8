// Bundles the extension client, the language server, its package-size worker and the CLI into dist/.
// `node esbuild.mjs` builds once (also run by `npm ci` through `prepare`); `--watch` rebuilds on change.
import { chmodSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { lazyJsonPlugin } from './scripts/lazyJson.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // JSON data (runtime lifecycle, event samples, specifications) is bundled, never read from disk at run
  // time; the large specification files as JSON text parsed entry by entry on first read.
  loader: { '.json': 'json' },
  plugins: [lazyJsonPlugin({ filter: /[\\/]server[\\/]src[\\/]data[\\/][\w.-]+\.json$/, minBytes: 64 * 1024 })],
  // jsonc-parser's default (UMD) build loads its modules by a dynamic require that cannot be bundled.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
};

const builds = [
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  {
    ...common,
    entryPoints: {
      server: 'server/src/server.ts',
      measureWorker: 'server/src/measure/worker.ts',
    },
    outdir: 'dist',
  },
  {
    ...common,
    entryPoints: { cli: 'server/src/cli.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  },
];

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  // `npx lambda-lens` runs dist/cli.js through its shebang.
  chmodSync('dist/cli.js', 0o755);
}
