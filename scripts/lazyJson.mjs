// esbuild plugin: bundles the large data files (server/src/data/*.json over a size) as JSON text that
// is parsed when first read, one entry at a time. An object literal of megabytes costs the start of
// every process that loads it: V8 scans it at load and compiles and runs it on first use (~200 ms for
// schema-shapes.json), and even one JSON.parse of the whole file takes ~110 ms (thousands of distinct
// property names); a check reads only the few resource types a template uses. The module exports the
// same data, read-only: `Object.keys`, `Object.hasOwn`, `in`, indexing, `length` and JSON.stringify work
// unchanged.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

/** Entries of a collection are made lazy one by one when it has at least this many containers. */
const MIN_ENTRIES = 16;
/** A top-level value whose JSON text is shorter stays an ordinary literal. */
const MIN_LAZY_BYTES = 4096;

// The run-time half, written once into each data module (function names findable in CPU profiles).
// A collection is a Proxy over one string holding its entries' JSON texts end to end: one literal
// scans faster than thousands, and a Proxy costs nothing until read (defining a getter per entry
// costs ~50 ms for schema-shapes.json's 14,000 entries).
const RUNTIME = `"use strict";
function parseBundledJson(text, where) {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(\`Lambda Lens could not read its bundled data \${where}: \${e.message}. The installation is damaged; reinstall Lambda Lens.\`);
  }
}
function lazy(target, key, text, where) {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: function readBundledJson() {
      const value = parseBundledJson(text, where);
      Object.defineProperty(target, key, { value, enumerable: true, writable: false, configurable: false });
      return value;
    },
  });
}
function lazyEntries(keys, text, ends, where) {
  const list = keys === null;
  const index = list ? undefined : new Map(keys.map((k, i) => [k, i]));
  const parsed = new Map();
  const at = (key) => {
    if (typeof key !== "string") return -1;
    if (!list) return index.get(key) ?? -1;
    const i = Number(key);
    return String(i) === key && i < ends.length ? i : -1;
  };
  const read = function readBundledJson(i) {
    if (!parsed.has(i)) parsed.set(i, parseBundledJson(text.slice(i === 0 ? 0 : ends[i - 1], ends[i]), where + " [" + JSON.stringify(list ? i : keys[i]) + "]"));
    return parsed.get(i);
  };
  const target = list ? [] : {};
  return new Proxy(target, {
    get(t, key) {
      if (list && key === "length") return ends.length;
      const i = at(key);
      return i < 0 ? Reflect.get(t, key) : read(i);
    },
    has(t, key) {
      return at(key) >= 0 || Reflect.has(t, key);
    },
    ownKeys() {
      return list ? [...ends.keys()].map(String).concat("length") : [...keys];
    },
    getOwnPropertyDescriptor(t, key) {
      const i = at(key);
      if (i < 0) return Reflect.getOwnPropertyDescriptor(t, key);
      return { get: () => read(i), enumerable: true, configurable: true };
    },
    set() {
      return false;
    },
    defineProperty() {
      return false;
    },
    deleteProperty() {
      return false;
    },
  });
}
`;

const isContainer = (v) => typeof v === 'object' && v !== null;

/**
 * The CommonJS source of a module exporting the JSON document `text` (named `name` in error messages)
 * with its large parts parsed on first access.
 */
export function lazyJsonModule(text, name) {
  const data = JSON.parse(text);
  if (!isContainer(data) || Array.isArray(data)) return `module.exports = JSON.parse(${JSON.stringify(text)});\n`;
  const lines = [RUNTIME, 'const data = {};'];
  for (const [key, value] of Object.entries(data)) {
    const where = JSON.stringify(`${name} "${key}"`);
    const values = isContainer(value) ? Object.values(value) : [];
    if (values.length >= MIN_ENTRIES && values.every(isContainer)) {
      const texts = values.map((v) => JSON.stringify(v));
      let end = 0;
      const ends = texts.map((t) => (end += t.length));
      const keys = Array.isArray(value) ? 'null' : JSON.stringify(Object.keys(value));
      lines.push(`data[${JSON.stringify(key)}] = lazyEntries(${keys}, ${JSON.stringify(texts.join(''))}, ${JSON.stringify(ends)}, ${where});`);
    } else if (JSON.stringify(value).length >= MIN_LAZY_BYTES) {
      lines.push(`lazy(data, ${JSON.stringify(key)}, ${JSON.stringify(JSON.stringify(value))}, ${where});`);
    } else {
      lines.push(`data[${JSON.stringify(key)}] = ${JSON.stringify(value)};`);
    }
  }
  lines.push('module.exports = data;', '');
  return lines.join('\n');
}

/** The plugin: JSON files matching `filter` and at least `minBytes` long load lazily; others use esbuild's json loader. */
export function lazyJsonPlugin({ filter, minBytes }) {
  return {
    name: 'lazy-json',
    setup(build) {
      build.onLoad({ filter }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        if (text.length < minBytes) return undefined;
        try {
          return { contents: lazyJsonModule(text, basename(args.path)), loader: 'js' };
        } catch (e) {
          return { errors: [{ text: `${basename(args.path)} is not valid JSON: ${e.message}` }] };
        }
      });
    },
  };
}
