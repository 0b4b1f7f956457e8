/**
 * Incremental upkeep of the rules that read every resource entry (`Rule.byEntry`), such as the
 * reference rules: after an edit that changes some entries but nothing the rule's `reads.types` lists,
 * a split rule runs again only for the changed entries (the other entries' findings are moved with the
 * text), and a keyed rule runs again only when a changed entry's key differs.
 */
import type { TemplateChanges } from '../template/changes';
import type { Template } from '../template/model';
import type { RuleOutput } from './engine';
import { moved } from './moved';
import type { EntryReads, Finding, Rule, RuleContext } from './types';

/** A split rule's output: the rest's, and each resource's part that reported something (or failed). */
export interface SplitOutput {
  readonly rest: RuleOutput;
  readonly parts: ReadonlyMap<string, RuleOutput>;
}

/** The parts of a rule that splits its check by resource, if it does. */
export type Parts = Extract<EntryReads, { rest: unknown }>;

/** Runs a rule's check, or a part of it, over a template (timed and guarded by the caller). */
export type Run = (template: Template, rule: Rule, check: (ctx: RuleContext) => void) => RuleOutput;

/** The parts of `rule`'s check when it is split by resource (undefined for a keyed rule or one without `byEntry`). */
export function partsOf(rule: Rule): Parts | undefined {
  const e = rule.byEntry;
  return e && 'rest' in e ? e : undefined;
}

/** Every part of a split rule over `t`. */
export function runSplit(t: Template, rule: Rule, parts: Parts, run: Run): SplitOutput {
  const out = new Map<string, RuleOutput>();
  for (const id of t.resources.keys()) keep(out, id, run(t, rule, (ctx) => parts.resource(ctx, id)));
  return { rest: run(t, rule, (ctx) => parts.rest(ctx)), parts: out };
}

/**
 * A split rule's output after `changes`, which touch nothing its `reads.types` lists: the changed
 * entries' parts run again, the others' findings are moved (or run again when one touches the edit);
 * the rest runs again when a section changed.
 */
export function updateSplit(prev: SplitOutput, t: Template, rule: Rule, parts: Parts, changes: TemplateChanges, run: Run): SplitOutput {
  const out = new Map<string, RuleOutput>();
  const again = new Set<string>();
  for (const id of changes.resources.keys()) if (t.resources.has(id)) again.add(id);
  for (const [id, o] of prev.parts) {
    if (again.has(id) || !t.resources.has(id)) continue;
    const m = moved(o, changes.region);
    if (m) out.set(id, m);
    else again.add(id);
  }
  for (const id of again) keep(out, id, run(t, rule, (ctx) => parts.resource(ctx, id)));
  const rest = changes.sections ? undefined : moved(prev.rest, changes.region);
  return { rest: rest ?? run(t, rule, (ctx) => parts.rest(ctx)), parts: out };
}

/** True when a keyed rule reads something else of an entry `changes` touched. */
export function entryKeysDiffer(rule: Rule, prev: Template, next: Template, changes: TemplateChanges): boolean {
  const e = rule.byEntry;
  if (!e || !('key' in e)) return true;
  for (const [id, keys] of changes.resources) if (keys === '*' || e.key(prev, id) !== e.key(next, id)) return true;
  return false;
}

/** A split rule's findings as its `check` reports them: the rest's, then each resource's in document order; a failed part stands for all. */
export function joinSplit(t: Template, s: SplitOutput): RuleOutput {
  if (!Array.isArray(s.rest)) return s.rest;
  const found: Finding[] = [...(s.rest as readonly Finding[])];
  const order = [...s.parts].map(([id, o]) => ({ o, at: t.resources.get(id)!.idRange.start })).sort((a, b) => a.at - b.at);
  for (const { o } of order) {
    if (!Array.isArray(o)) return o;
    found.push(...(o as readonly Finding[]));
  }
  return found;
}

/** Most parts find nothing: only those that reported (or failed) are kept. */
function keep(out: Map<string, RuleOutput>, id: string, o: RuleOutput): void {
  if (!Array.isArray(o) || o.length > 0) out.set(id, o);
}
