/**
 * Where a process's CPU time went, from a V8 `.cpuprofile` (`node --cpu-prof`): every sample is
 * charged to the first phase, in the order below, that a function on its stack belongs to. So module
 * evaluation started inside the rules counts as `load`, and a parse started by the rules as `rules`.
 * In the server, `incremental` is what incremental validation adds around the rules' checks (the
 * reference index, each unit's scope and scoped template, the per-unit runs): the CLI has none.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Phases by the names of the functions that start them (ours, node's loader, esbuild's module wrappers). */
const PHASES: ReadonlyArray<readonly [string, RegExp]> = [
  ['gc', /^\(garbage collector\)$/],
  ['idle', /^\(idle\)$/],
  ['output', /^(formatText|formatSarif|toJsonFindings|sendDiagnostics|publishDiagnostics)$/],
  // The bundled data's JSON text parsed on first read (scripts/lazyJson.mjs).
  ['data', /^(readBundledJson|parseBundledJson)$/],
  ['load', /^(Module\._load|__require|__init|init_\w+)$/],
  ['rules', /^runRule$/],
  // IncrementalValidation's own steps (rules/incremental.ts), outside the rules' checks.
  ['incremental', /^(fresh|update|recheck|checkUnit)$/],
  ['rules', /^validate$/],
  ['parse', /^composeYaml$/],
  ['model', /^(loadTemplates|buildTemplate|updateTemplate)$/],
];

/** Milliseconds per phase (and `other`, `total`) of the one profile in `dir`. */
export function profilePhases(dir: string): Record<string, number> {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile in ${dir}`);
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const phaseOf = new Map<number, string>();
  const classify = (id: number): string => {
    const names: string[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) names.push(byId.get(at)!.callFrame.functionName);
    return PHASES.find(([, rx]) => names.some((n) => rx.test(n)))?.[0] ?? 'other';
  };
  const out: Record<string, number> = { total: 0 };
  profile.samples.forEach((sample, i) => {
    let phase = phaseOf.get(sample);
    if (phase === undefined) phaseOf.set(sample, (phase = classify(sample)));
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    out[phase] = (out[phase] ?? 0) + ms;
    if (phase !== 'idle') out.total! += ms;
  });
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, Math.round(v)]));
}
