/**
 * Findings kept from one version of a document to the next: moved with the text after the edited
 * region, or dropped (to be computed again) when one of their ranges touches it.
 */
import type { Range } from '../template/ast';
import { shift } from '../template/changes';
import type { EditRegion } from '../template/changes';
import type { RuleOutput } from './engine';
import type { Finding } from './types';

/** `moved` for every rule's output of one unit; the same map when nothing moved. */
export function movedAll(outputs: Map<string, RuleOutput>, e: EditRegion): Map<string, RuleOutput> | undefined {
  let out: Map<string, RuleOutput> | undefined;
  for (const [id, o] of outputs) {
    const m = moved(o, e);
    if (!m) return undefined;
    if (m !== o) (out ??= new Map(outputs)).set(id, m);
  }
  return out ?? outputs;
}

/** Findings moved past the edit (the same list when none moved), or undefined when one touches the edited region. */
export function moved(o: RuleOutput, e: EditRegion): RuleOutput | undefined {
  if (!Array.isArray(o) || o.length === 0) return o;
  let out: Finding[] | undefined;
  const list = o as readonly Finding[];
  for (let i = 0; i < list.length; i++) {
    const f = list[i]!;
    const m = moveFinding(f, e);
    if (!m) return undefined;
    if (m !== f) (out ??= list.slice())[i] = m;
  }
  return out ?? o;
}

/** A finding with every range moved past the edit (itself when none moves), or undefined when one touches it. */
function moveFinding(f: Finding, e: EditRegion): Finding | undefined {
  // Most findings lie where the edit moved nothing: told without copying their ranges.
  if (stays(f, e)) return f;
  let ok = true;
  let changed = false;
  const at = (r: Range): Range => {
    const m = shift(r, e);
    if (!m) ok = false;
    else if (m !== r) changed = true;
    return m ?? r;
  };
  const range = at(f.range);
  const related = f.related?.map((r) => ({ range: at(r.range), message: r.message }));
  const fixes = f.fixes?.map((x) => ({ title: x.title, edits: x.edits.map((t) => ({ range: at(t.range), newText: t.newText })) }));
  if (!ok) return undefined;
  if (!changed) return f;
  return { ...f, range, ...(related ? { related } : {}), ...(fixes ? { fixes } : {}) };
}

/** True when no range of `f` moves or touches the edit (`shift` gives each back as it is). */
function stays(f: Finding, e: EditRegion): boolean {
  if (shift(f.range, e) !== f.range) return false;
  for (const r of f.related ?? []) if (shift(r.range, e) !== r.range) return false;
  for (const x of f.fixes ?? []) for (const t of x.edits) if (shift(t.range, e) !== t.range) return false;
  return true;
}
