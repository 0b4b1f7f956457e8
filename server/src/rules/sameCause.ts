/**
 * One finding per cause. Two rules can describe the same fault at the same place: a function
 * without VpcConfig that uses an RDS Proxy breaks both `rds-proxy/function-not-in-vpc` and the
 * broader `vpc/private-resource-unreachable`, at the same `!GetAtt Proxy.Endpoint`; a schema rule
 * that knows MemorySize's range from the specification and `limits/memory-size` both judge the same
 * value. The user should see that once.
 *
 * How a rule takes part: the narrower rule lists the rules it refines in `RuleMeta.narrows`. After
 * levels and suppressions are applied, a diagnostic of a broader rule is folded into a diagnostic of
 * a rule that narrows it when both are about the same resource and their ranges overlap. The narrower
 * diagnostic stays (its message is the more specific one), names the folded rules in `alsoFrom` and
 * at the end of its message, takes the more severe of the two levels, and gains the other's related
 * locations. Because folding happens after rule levels and suppressions, turning either rule off (by
 * setting, disable comment or Metadata ignore) never hides the fault while the other rule is on: the
 * one left reports it as usual.
 *
 * For rules that overlap a broad rule only on some findings (a schema rule covering every property),
 * nothing else is needed: only findings at overlapping ranges of the same resource fold, so report
 * at the value (as the Lambda rules do) and the rest of the broad rule's findings stay untouched.
 */
import type { Diagnostic, Related, Rule, Severity } from './types';

const RANK: Record<Severity, number> = { information: 0, warning: 1, error: 2 };

/** `out` with every broader rule's diagnostic folded into the narrower diagnostic of the same cause. */
export function oneFindingPerCause(out: readonly Diagnostic[], rules: readonly Rule[]): Diagnostic[] {
  const narrows = new Map<string, ReadonlySet<string>>();
  for (const r of rules) if (r.meta.narrows?.length) narrows.set(r.meta.id, new Set(r.meta.narrows));
  if (narrows.size === 0) return [...out];
  const folded = new Set<Diagnostic>();
  const replaced = new Map<Diagnostic, Diagnostic>();
  // Only diagnostics about the same resource can share a cause.
  const byResource = new Map<string | undefined, Diagnostic[]>();
  for (const d of out) {
    const list = byResource.get(d.resource);
    if (list) list.push(d);
    else byResource.set(d.resource, [d]);
  }
  for (const d of out) {
    const broader = narrows.get(d.rule);
    if (!broader || folded.has(d)) continue;
    let merged = d;
    for (const other of byResource.get(d.resource)!) {
      if (other === d || folded.has(other) || !broader.has(other.rule) || !sameCause(d, other)) continue;
      folded.add(other);
      merged = fold(merged, replaced.get(other) ?? other);
    }
    if (merged !== d) replaced.set(d, merged);
  }
  return out.filter((d) => !folded.has(d)).map((d) => replaced.get(d) ?? d);
}

/** Same resource, overlapping ranges (a zero-width range overlaps what it touches). */
function sameCause(a: Diagnostic, b: Diagnostic): boolean {
  if (a.resource !== b.resource) return false;
  if (a.range.start === b.range.start) return true;
  return a.range.start < b.range.end && b.range.start < a.range.end;
}

function fold(kept: Diagnostic, other: Diagnostic): Diagnostic {
  const also = [...(kept.alsoFrom ?? []), other.rule, ...(other.alsoFrom ?? [])];
  const base = kept.alsoFrom?.length ? kept.message.slice(0, kept.message.lastIndexOf(' [also ')) : kept.message;
  const related: Related[] = [...kept.related];
  for (const r of other.related) if (!related.some((x) => x.range.start === r.range.start && x.message === r.message)) related.push(r);
  return {
    ...kept,
    severity: RANK[other.severity] > RANK[kept.severity] ? other.severity : kept.severity,
    message: `${base} [also ${also.join(', ')}]`,
    related,
    alsoFrom: also,
  };
}
