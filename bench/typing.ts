/**
 * Typing: one-character range edits, as an editor sends them, at 10 / 100 / 1,000 / 5,000 functions,
 * timed over LSP from didChange to the publishDiagnostics of that version (debounce included), one
 * keystroke after the other's diagnostics arrived. All rules are on, schema validation included.
 * The median of the first ten keystrokes and the p95 of the others tell the warm-up from the rest.
 * `newPropertyAt1000` types a whole property line into a function of the 1,000-function template, which
 * leaves the YAML invalid for a few keystrokes on the way (`Description:      MemorySize: 512`);
 * `newResourceAt1000` types a queue between two functions, whose key reads as `Queue Fn501` (joined to
 * the next entry's) until its colon is typed; `anywhereAt1000` types a character and deletes it again at
 * 60 random places, indentation and keys included, where a misplaced character can break the YAML of
 * the whole template (a full parse).
 * Beside it: the server's CPU time per keystroke (from /proc, Linux only), and the shares of the work
 * measured by replaying the same keystrokes in-process: incremental re-parse and model, rules,
 * specification rules (schema/, template/, sam/), and the engine's own bookkeeping (what changed,
 * references, putting the findings together). `parse` compares the full `yaml` parse and model with
 * `JSON.parse` of the same template as JSON, in MB/s.
 */
import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { IncrementalValidation } from '../server/src/rules/incremental';
import type { ValidationOptions } from '../server/src/rules/types';
import { updateTemplate } from '../server/src/template/incremental';
import { buildTemplate } from '../server/src/template/model';
import { composeYaml } from '../server/src/template/parse';
import { yamlToJson } from '../test/support/jsonText';
import { startServer } from '../test/support/lspClient';
import { functionsTemplate } from '../server/src/template/sample';
import { median, percentile, time } from './stats';
import { rng } from '../test/support/randomEdits';

const SIZES = [10, 100, 1_000, 5_000];
const OPTIONS: ValidationOptions = { accountConcurrencyLimit: 1_000, today: new Date(), ruleLevels: {}, reportSyntax: true };

/** One keystroke: where (offset in the current text), what it replaces and what it types. */
interface Keystroke {
  readonly at: number;
  readonly length: number;
  readonly text: string;
}

export async function benchTyping(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const count of SIZES) {
    const text = functionsTemplate(count);
    const keys = keystrokes(text, count >= 5_000 ? 40 : 80);
    out[`${count}`] = { bytes: text.length, keystrokes: keys.length, ...(await overLsp(text, keys)), shares: shares(text, keys) };
  }
  // A property typed on a line of its own: the YAML is invalid for some keystrokes on the way.
  const text = functionsTemplate(1_000);
  const at = text.indexOf('      MemorySize: 512', Math.floor(text.length / 2));
  const property = [...'      Description: orders\n'].map((c, i) => ({ at: at + i, length: 0, text: c }));
  const typed = await overLsp(text, property);
  // A resource typed between two functions: its key swallows the next entry until its colon is typed.
  const after = text.indexOf('\n  Fn501:\n');
  const resource = [...'\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: 5'].map((c, i) => ({ at: after + i, length: 0, text: c }));
  const added = await overLsp(text, resource);
  // A character typed and deleted again at random places: in values, keys and indentation alike.
  const random = rng(5);
  const places = Array.from({ length: 60 }, () => Math.floor(random() * text.length)).flatMap((at) => [
    { at, length: 0, text: 'x' },
    { at, length: 1, text: '' },
  ]);
  const anywhere = await overLsp(text, places);
  return {
    typing: out,
    newPropertyAt1000: { keystrokes: property.length, p50Ms: typed.p50Ms, p95Ms: typed.p95Ms, maxMs: typed.maxMs },
    newResourceAt1000: { keystrokes: resource.length, p50Ms: added.p50Ms, p95Ms: added.p95Ms, maxMs: added.maxMs },
    anywhereAt1000: { keystrokes: places.length, p50Ms: anywhere.p50Ms, p95Ms: anywhere.p95Ms, maxMs: anywhere.maxMs },
    parse: parseSpeed(text),
  };
}

/**
 * Typing in the middle of the template: a digit of a MemorySize overtyped (the value goes between
 * valid and invalid), and a word typed character by character after an environment value of the same
 * function, then deleted again.
 */
function keystrokes(text: string, count: number): Keystroke[] {
  const memory = text.indexOf('      MemorySize: 512', Math.floor(text.length / 2)) + '      MemorySize: '.length;
  const value = text.indexOf('MODE: batch', memory) + 'MODE: batch'.length;
  const out: Keystroke[] = [];
  const word = '-orders';
  let typed = 0;
  let adding = true;
  for (let i = 0; out.length < count; i++) {
    if (i % 3 === 0) {
      out.push({ at: memory, length: 1, text: i % 2 === 0 ? '9' : '5' });
      continue;
    }
    if (adding) out.push({ at: value + typed, length: 0, text: word[typed++]! });
    else out.push({ at: value + --typed, length: 1, text: '' });
    if (typed === word.length) adding = false;
    if (typed === 0) adding = true;
  }
  return out;
}

async function overLsp(base: string, keys: readonly Keystroke[]): Promise<Record<string, number>> {
  const server = await startServer();
  try {
    const uri = 'untitled:typing.yaml';
    const opened = server.nextDiagnostics(uri, (p) => p.version === 1, 120_000);
    server.open(uri, base);
    await opened;
    let doc = TextDocument.create(uri, 'yaml', 1, base);
    const samples: number[] = [];
    const cpuBefore = cpuMs(server.pid);
    for (const [i, k] of keys.entries()) {
      const version = i + 2;
      const range = { start: doc.positionAt(k.at), end: doc.positionAt(k.at + k.length) };
      doc = TextDocument.update(doc, [{ range, text: k.text }], version);
      const published = server.nextDiagnostics(uri, (p) => p.version === version, 120_000);
      const started = performance.now();
      server.change(uri, version, [{ range, text: k.text }]);
      await published;
      samples.push(performance.now() - started);
      // An editor keeps a document's latest diagnostics only; the test client keeps every publication
      // (hundreds of MB at 5,000 functions), whose garbage collection would be timed with the server.
      server.published.splice(0);
    }
    const cpu = cpuMs(server.pid);
    return {
      p50Ms: round(percentile(samples, 50)),
      p95Ms: round(percentile(samples, 95)),
      maxMs: round(Math.max(...samples)),
      // The first keystrokes after opening run code that has not been compiled yet.
      first10p50Ms: round(percentile(samples.slice(0, 10), 50)),
      after10p95Ms: round(percentile(samples.slice(10), 95)),
      ...(cpu !== undefined && cpuBefore !== undefined ? { cpuMsPerKeystroke: round((cpu - cpuBefore) / keys.length) } : {}),
    };
  } finally {
    await server.stop();
  }
}

/** User plus system CPU time of a process in milliseconds, from /proc (undefined where there is none). */
function cpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command; in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** Median milliseconds per keystroke of each stage, replayed in-process, and each stage's share. */
function shares(base: string, keys: readonly Keystroke[]): Record<string, number> {
  const v = new IncrementalValidation();
  let t = buildTemplate(base);
  v.validate(t, OPTIONS);
  let text = base;
  const parse: number[] = [];
  const rules: number[] = [];
  const spec: number[] = [];
  const engine: number[] = [];
  for (const k of keys) {
    text = text.slice(0, k.at) + k.text + text.slice(k.at + k.length);
    const previous = t;
    parse.push(time(() => (t = updateTemplate(previous, text))));
    const validated = time(() => v.validate(t, OPTIONS));
    rules.push(v.stats.rulesMs - v.stats.schemaMs);
    spec.push(v.stats.schemaMs);
    engine.push(validated - v.stats.rulesMs);
  }
  const stages = { parseMs: mean(parse), rulesMs: mean(rules), schemaMs: mean(spec), engineMs: mean(engine) };
  const total = stages.parseMs + stages.rulesMs + stages.schemaMs + stages.engineMs;
  return {
    ...Object.fromEntries(Object.entries(stages).map(([k, ms]) => [k, round(ms)])),
    ...Object.fromEntries(Object.entries(stages).map(([k, ms]) => [k.replace('Ms', 'Share'), round(ms / total)])),
  };
}

/** Full parse speeds of one template: `yaml` alone, our whole model, and `JSON.parse` of it as JSON. */
function parseSpeed(text: string): Record<string, number> {
  const json = yamlToJson(text, 2);
  const mbps = (bytes: number, ms: number) => round(bytes / 1e6 / (ms / 1000));
  const runs = [0, 1, 2, 3, 4];
  const yamlMs = median(runs.map(() => time(() => composeYaml(text))));
  const modelMs = median(runs.map(() => time(() => buildTemplate(text))));
  const jsonModelMs = median(runs.map(() => time(() => buildTemplate(json))));
  const jsonParseMs = median(runs.map(() => time(() => JSON.parse(json))));
  return {
    yamlBytes: text.length,
    jsonBytes: json.length,
    yamlComposeMBps: mbps(text.length, yamlMs),
    yamlModelMBps: mbps(text.length, modelMs),
    jsonModelMBps: mbps(json.length, jsonModelMs),
    jsonParseMBps: mbps(json.length, jsonParseMs),
  };
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
