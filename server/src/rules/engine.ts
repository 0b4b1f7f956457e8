/**
 * Runs the registered rules over one template model and applies, in one place, what the user
 * configured: rule levels (`lambdaLens.rules`, `--rule`), `# lambda-lens-disable-next-line <id>`
 * comments and resource `Metadata: { lambda-lens: { ignore: [<id>] } }`.
 */
import { get, getPath, str } from '../template/ast';
import type { Node, Range } from '../template/ast';
import type { Template } from '../template/model';
import { isRefusal } from '../template/parse';
import type { ParseProblem } from '../template/parse';
import { DISABLE_COMMENT } from './edits';
import { RULES } from './index';
import { oneFindingPerCause } from './sameCause';
import type { Diagnostic, Finding, Related, Rule, RuleContext, Severity, ValidationOptions } from './types';

/** Code of diagnostics about the document itself (syntax, size, aliases) rather than a rule. */
export const PARSE_DIAGNOSTIC = 'template/parse';

/** Code of the error that stands for a rule that threw: its findings are missing, so the check did not pass. */
export const RULE_FAILED = 'lambda-lens/rule-failed';

/** Severity of each kind of parse problem; duplicate keys are left to their rule, template/duplicate-key. */
const PROBLEM_SEVERITY: Record<Exclude<ParseProblem['kind'], 'duplicate-key'>, Severity> = {
  syntax: 'error',
  'alias-bomb': 'error',
  'too-large': 'information',
  'too-deep': 'information',
  'yaml-1.1': 'information',
};

/** Called when a rule throws (besides the RULE_FAILED diagnostic); the other rules still run. Tests make it fail loudly. */
export type RuleErrorHandler = (ruleId: string, error: unknown) => void;

/** Validates a template: parse problems, then every enabled rule, then suppressions. Never throws. */
export function validate(
  template: Template,
  options: ValidationOptions,
  onRuleError: RuleErrorHandler = () => undefined,
  rules: readonly Rule[] = RULES,
): Diagnostic[] {
  if (!template.isTemplate) return assemble(template, options, [], rules);
  const results = enabledRules(options, rules).map((rule) => ({ rule, findings: runRule(template, options, rule, onRuleError) }));
  return assemble(template, options, results, rules);
}

/** What one rule reported over a template, in the order it reported it; a rule that threw leaves its failure instead. */
export type RuleOutput = readonly Finding[] | { readonly failed: Diagnostic };

/** The rules `options` leaves on, in registry order. */
export function enabledRules(options: ValidationOptions, rules: readonly Rule[] = RULES): Rule[] {
  return rules.filter((r) => options.ruleLevels[r.meta.id] !== 'off');
}

/**
 * Runs one rule over `template` (the whole template or a scope of it) and collects what it reports;
 * `check` runs a part of the rule's check instead (see `Rule.byEntry`).
 */
export function runRule(
  template: Template,
  options: ValidationOptions,
  rule: Rule,
  onRuleError: RuleErrorHandler,
  check: (ctx: RuleContext) => void = (ctx) => rule.check(ctx),
): RuleOutput {
  const findings: Finding[] = [];
  try {
    check({ template, options, report: (f) => findings.push(detached(f)) });
  } catch (e) {
    onRuleError(rule.meta.id, e);
    return { failed: ruleFailed(rule.meta.id, e) };
  }
  return findings;
}

/**
 * A finding with ranges of its own. Rules often report a node's range object itself; kept findings
 * must not move when the nodes do (an incremental re-parse moves nodes in place, and kept findings
 * are moved by the validator).
 */
function detached(f: Finding): Finding {
  return {
    ...f,
    range: { start: f.range.start, end: f.range.end },
    ...(f.related ? { related: f.related.map((r) => ({ range: { start: r.range.start, end: r.range.end }, message: r.message })) } : {}),
    ...(f.fixes ? { fixes: f.fixes.map((x) => ({ title: x.title, edits: x.edits.map((t) => ({ range: { start: t.range.start, end: t.range.end }, newText: t.newText })) })) } : {}),
  };
}

/**
 * The diagnostics of a template from what its rules reported: parse problems first, then each rule's
 * findings after levels and suppressions, one diagnostic per rule and range (the same Globals value
 * reported for several functions), one per cause, sorted. The result does not depend on the order in
 * which a rule reported its findings about different resources: they are taken in document order of
 * the resource they are about, so a full validation and one assembled from per-resource checks agree.
 */
export function assemble(
  template: Template,
  options: ValidationOptions,
  results: ReadonlyArray<{ readonly rule: Rule; readonly findings: RuleOutput }>,
  rules: readonly Rule[] = RULES,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const p of template.problems) {
    if (p.kind === 'duplicate-key') continue;
    // A document refused before parsing (too large, too deep) passed the template sniff, so it is told
    // why it was skipped; any other problem is reported for templates only, so other files stay silent.
    if (!template.isTemplate && !isRefusal(p)) continue;
    if (p.kind === 'syntax' && !options.reportSyntax) continue;
    out.push({ rule: PARSE_DIAGNOSTIC, severity: PROBLEM_SEVERITY[p.kind], message: p.message, range: p.range, related: [], fixes: [], resource: undefined });
  }
  if (!template.isTemplate) return out;

  const suppress = new Suppressions(template);
  for (const { rule, findings } of results) {
    if (!Array.isArray(findings)) {
      out.push((findings as { failed: Diagnostic }).failed);
      continue;
    }
    const level = options.ruleLevels[rule.meta.id];
    if (level === 'off') continue;
    const owned = (findings as readonly Finding[]).map((f) => {
      const resource = f.resource ?? template.resourceAt(f.range.start)?.id;
      const about = resource ?? f.inheritedBy;
      return { f, resource, at: about === undefined ? -1 : (template.resources.get(about)?.idRange.start ?? -1) };
    });
    owned.sort((x, y) => x.at - y.at);
    // One diagnostic per range of this rule, found by the range's start (a number: no key to build for
    // each finding), and in the rare case of two ranges with one start, by both ends.
    const byStart = new Map<number, Assembled>();
    let byRange: Map<string, Assembled> | undefined;
    for (const { f, resource } of owned) {
      if (suppress.has(rule.meta.id, f.range, resource)) continue;
      // A Globals value reported for a function that ignores the rule: the others still report it.
      if (f.inheritedBy !== undefined && suppress.ignored(f.inheritedBy).has(rule.meta.id)) continue;
      const first = byStart.get(f.range.start);
      const seen = first === undefined || first.range.end === f.range.end ? first : byRange?.get(rangeKey(f.range));
      if (seen) {
        // The same value reported for several functions (a Globals value): one diagnostic, all of them related.
        for (const r of f.related ?? []) if (!seen.related.some((x) => x.range.start === r.range.start && x.message === r.message)) seen.related = [...seen.related, r];
        continue;
      }
      const d: Assembled = {
        rule: rule.meta.id,
        severity: level ?? f.severity ?? rule.meta.severity,
        message: f.message,
        range: f.range,
        // Shared with the finding, which a kept result reuses: a merge above replaces it, never changes it.
        related: f.related ?? NO_RELATED,
        fixes: f.fixes ?? [],
        resource,
      };
      if (first === undefined) byStart.set(f.range.start, d);
      else (byRange ??= new Map()).set(rangeKey(f.range), d);
      out.push(d);
    }
  }
  return oneFindingPerCause(out, rules).sort((a, b) => a.range.start - b.range.start || RULE_ORDER.compare(a.rule, b.rule));
}

/** A diagnostic being put together: its related locations grow as findings of the same range merge into it. */
type Assembled = Diagnostic & { related: readonly Related[] };

const NO_RELATED: readonly Related[] = Object.freeze([]);

function rangeKey(r: Range): string {
  return `${r.start}\u0000${r.end}`;
}

/** `localeCompare`'s order, with the collator made once instead of on every comparison. */
const RULE_ORDER = new Intl.Collator();

/** The error shown in place of a rule's findings when the rule threw. Never suppressed: the check did not run. */
function ruleFailed(ruleId: string, error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    rule: RULE_FAILED,
    severity: 'error',
    message: `The rule ${ruleId} failed on this template (${reason}), so its problems are not reported here. This is a defect in Lambda Lens, not in the template: please report it with the template attached; meanwhile \`${ruleId}\` can be turned off in the rule settings.`,
    range: { start: 0, end: 0 },
    related: [],
    fixes: [],
    resource: undefined,
  };
}

/**
 * Disable comments and Metadata ignore lists of one document. A disable comment is a YAML comment
 * (from the syntax tree, so the words inside a string are not one) that starts with the marker; it
 * applies to the next line that is neither blank nor only a comment, for the ids it lists or, with
 * none, for every rule.
 */
class Suppressions {
  private readonly lines = new Map<number, Set<string> | 'all'>();
  private readonly ignores = new Map<string, ReadonlySet<string>>();

  constructor(private readonly template: Template) {
    const lines = template.lines;
    for (const d of template.directives) {
      if (!d.text.startsWith(DISABLE_COMMENT)) continue;
      const ids = d.text.slice(DISABLE_COMMENT.length).split(/[\s,]+/).filter((s) => /^[a-z-]+\/[a-z0-9-]+$/.test(s));
      let target = lines.positionAt(d.range.start).line + 1;
      while (target < lines.lineCount && /^\s*(#.*)?$/.test(lines.lineText(target))) target++;
      const prev = this.lines.get(target);
      if (ids.length === 0 || prev === 'all') this.lines.set(target, 'all');
      else this.lines.set(target, new Set([...(prev ?? []), ...ids]));
    }
  }

  has(ruleId: string, range: Range, resource: string | undefined): boolean {
    // Most documents have no disable comment: no line to look up.
    const line = this.lines.size === 0 ? undefined : this.lines.get(this.template.lines.positionAt(range.start).line);
    if (line === 'all' || line?.has(ruleId)) return true;
    return resource !== undefined && this.ignored(resource).has(ruleId);
  }

  /** The ids in a resource's `Metadata: { lambda-lens: { ignore: [...] } }`. */
  ignored(resource: string): ReadonlySet<string> {
    let set = this.ignores.get(resource);
    if (!set) {
      const node = this.template.resources.get(resource)?.node;
      set = node ? ignoredBy(node) : NONE;
      this.ignores.set(resource, set);
    }
    return set;
  }

}

const NONE: ReadonlySet<string> = new Set();

/** The ignore list of each resource entry, kept while the entry's node is (unchanged entries keep theirs across edits). */
const IGNORED = new WeakMap<Node, ReadonlySet<string>>();

function ignoredBy(node: Node): ReadonlySet<string> {
  let set = IGNORED.get(node);
  if (!set) {
    const list = getPath(get(node, 'Metadata'), ['lambda-lens', 'ignore']);
    set = list?.kind === 'seq' ? new Set(list.items.map(str).filter((s): s is string => !!s)) : NONE;
    IGNORED.set(node, set);
  }
  return set;
}
