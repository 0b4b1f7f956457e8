// Bundles the extension client, the language server, its package-size worker, the CLI and the data
// and subcommand bundles they load on demand (SEPARATE below) into dist/.
// `node esbuild.mjs` builds once (also run by `npm ci` through `prepare`); `--watch` rebuilds on change.
import { chmodSync } from 'node:fs';
import { resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { lazyJsonPlugin } from './scripts/lazyJson.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/**
 * Modules bundled on their own, in dist/ beside the bundles that require them: a process compiles
 * them only when it first requires them, and once (inside a bundle, V8 scans a module's text at load
 * and again at its first call). `lambda-lens check` needs neither the AWS SDK of `deployed` nor the
 * documentation of hovers (2.9 MB); the specification's shapes (2.2 MB) wait for the first template.
 */
const SEPARATE = {
  'server/src/cli/deployed.ts': 'cliDeployed',
  'server/src/data/schema-docs.json': 'schemaDocs',
  'server/src/data/schema-shapes.json': 'schemaShapes',
};

/** Leaves the imports of the SEPARATE modules as requires of their own bundles. */
const separatePlugin = {
  name: 'separate-modules',
  setup(build) {
    const byPath = new Map(Object.entries(SEPARATE).map(([source, out]) => [resolve(import.meta.dirname, source), out]));
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const target = resolve(args.resolveDir, args.path);
      const out = byPath.get(target) ?? byPath.get(`${target}.ts`);
      return out ? { path: `./${out}.js`, external: true } : undefined;
    });
  },
};

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // JSON data (runtime lifecycle, event samples, specifications) is bundled into JavaScript: no data file
  // is opened by path at run time. The large specification files become JSON text parsed entry by entry
  // on first read, in bundles of their own (SEPARATE).
  loader: { '.json': 'json' },
  plugins: [separatePlugin, lazyJsonPlugin({ filter: /[\\/]server[\\/]src[\\/]data[\\/][\w.-]+\.json$/, minBytes: 64 * 1024 })],
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
      // Shared with the CLI's bundles, which require them from beside themselves too.
      schemaDocs: 'server/src/data/schema-docs.json',
      schemaShapes: 'server/src/data/schema-shapes.json',
    },
    outdir: 'dist',
  },
  {
    ...common,
    entryPoints: { cli: 'server/src/cli.ts', cliDeployed: 'server/src/cli/deployed.ts' },
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
