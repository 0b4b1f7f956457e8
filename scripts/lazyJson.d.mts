/** Types of lazyJson.mjs (the esbuild plugin that bundles large data files as lazily parsed JSON text). */
import type { Plugin } from 'esbuild';

/** The CommonJS source of a module exporting the JSON document `text` with its large parts parsed on first access. */
export function lazyJsonModule(text: string, name: string): string;

/** The plugin: JSON files matching `filter` and at least `minBytes` long load lazily. */
export function lazyJsonPlugin(options: { filter: RegExp; minBytes: number }): Plugin;
