/**
 * Incremental validation of one document: after an edit, only the checks whose inputs changed run
 * again, and the result equals a full validation (`validate`), which the differential test holds it to.
 *
 * What is kept between versions, keyed on what:
 * - for a rule that checks resources one at a time (`RuleReads.each`), the findings of each checked
 *   resource (a unit), computed over the unit's scope (template/scope.ts) and kept while nothing in
 *   that scope changed; rules with the same `each` share the units and scopes;
 * - for the other rules, their whole output, kept while none of the resource types and properties
 *   they declared changed; a rule reading every entry (`Rule.byEntry`, rules/entries.ts) keeps it
 *   per resource, or while what it reads of the changed entries is the same;
 * - the reference index, carried over for the resources the edit left alone.
 * Kept findings are moved with the text after the edited region; one that touches it is computed again.
 * An edit of the values in Parameters, Mappings, Conditions, Globals or Outputs that keeps every
 * name checks again the resources that may read what changed (template/changes.ts `sectionEdit`),
 * what the rules report of the sections, and every rule over the whole template. Any other edit
 * outside Resources, a template with YAML anchors, or new options (other than those a rule declares)
 * validates everything again.
 */
import { templateChanges } from '../template/changes';
import type { EditRegion, TemplateChanges } from '../template/changes';
import type { Template } from '../template/model';
import { IN_EVERY_SCOPE, RefIndex, ScopedTemplate, scopeOf, unitsReaching } from '../template/scope';
import type { ScopeRule } from '../template/scope';
import { assemble, enabledRules, runRule } from './engine';
import type { RuleErrorHandler, RuleOutput } from './engine';
import { entryKeysDiffer, joinSplit, partsOf, runSplit, updateSplit } from './entries';
import type { Run, SplitOutput } from './entries';
import { RULES } from './index';
import { moved, movedAll } from './moved';
import type { Diagnostic, Finding, PropertyReads, Rule, RuleContext, ValidationOptions } from './types';

/** What the last run did, for the benchmark. */
export interface ValidationStats {
  /** True when everything was validated again. */
  readonly full: boolean;
  /** True when values outside Resources changed and only what may read them was validated again. */
  readonly sections?: boolean;
  /** Unit checks run (each one runs every rule of its group). */
  readonly units: number;
  /** Rules without `each` run over the whole template. */
  readonly wholeRules: number;
  /** Milliseconds in rule checks, and of those in the specification rules (`schema/`, `template/`, `sam/`). */
  readonly rulesMs: number;
  readonly schemaMs: number;
}

/** Rules sharing one `each`: their units, scopes and findings. */
interface Group {
  readonly rules: readonly Rule[];
  readonly scope: ScopeRule;
  /** Unit id -> rule id -> what the rule reported checking that unit. */
  readonly units: Map<string, Map<string, RuleOutput>>;
  /** The units whose check reported something (most report nothing): what an edit moves and what is put together. */
  readonly reporting: Set<string>;
  /** What the rules report with no unit at all (sections only). */
  rest: Map<string, RuleOutput>;
  /** Unit id -> its scope; resource id -> the units whose scope holds it. */
  readonly scopes: Map<string, ReadonlySet<string>>;
  readonly holders: Map<string, Set<string>>;
}

interface State {
  readonly template: Template;
  readonly options: ValidationOptions;
  readonly enabled: readonly Rule[];
  readonly index: RefIndex;
  readonly groups: readonly Group[];
  readonly whole: Map<string, RuleOutput>;
  /** The output of the rules without `each` that split their check by resource (`Rule.byEntry`). */
  readonly split: Map<string, SplitOutput>;
}

/** The incremental validator of one document; `validate` takes its successive models. */
export class IncrementalValidation {
  private state: State | undefined;
  private timing = { rulesMs: 0, schemaMs: 0 };
  stats: ValidationStats = { full: true, units: 0, wholeRules: 0, rulesMs: 0, schemaMs: 0 };

  constructor(
    private readonly onRuleError: RuleErrorHandler = () => undefined,
    private readonly rules: readonly Rule[] = RULES,
  ) {}

  /** The diagnostics of `template` under `options`, equal to `validate(template, options)`. */
  validate(template: Template, options: ValidationOptions): Diagnostic[] {
    this.timing = { rulesMs: 0, schemaMs: 0 };
    const prev = this.state;
    if (!template.isTemplate) {
      this.state = undefined;
      return assemble(template, options, [], this.rules);
    }
    const enabled = enabledRules(options, this.rules);
    const reuse = prev && prev.template.isTemplate && sameRules(prev.enabled, enabled);
    this.state = reuse ? this.update(prev, template, options) : this.fresh(template, options, enabled);
    return this.assemble();
  }

  private fresh(template: Template, options: ValidationOptions, enabled: readonly Rule[]): State {
    const index = RefIndex.of(template);
    const whole = new Map<string, RuleOutput>();
    const split = new Map<string, SplitOutput>();
    const byEach = new Map<string, Rule[]>();
    for (const rule of enabled) {
      const each = rule.meta.reads?.each;
      const parts = each === undefined ? partsOf(rule) : undefined;
      if (parts) split.set(rule.meta.id, runSplit(template, rule, parts, this.runner(options)));
      else if (each === undefined) whole.set(rule.meta.id, this.run(template, options, rule));
      if (each === undefined) continue;
      const key = each === '*' ? '*' : [...each].sort().join(',');
      const list = byEach.get(key);
      if (list) list.push(rule);
      else byEach.set(key, [rule]);
    }
    const groups = [...byEach.values()].map((rules) => newGroup(rules));
    const state: State = { template, options, enabled, index, groups, whole, split };
    for (const g of groups) {
      g.rest = this.checkUnit(state, g, undefined);
      for (const r of template.resources.values()) if (g.scope.isUnit(r.type)) this.recheck(state, g, r.id);
    }
    this.stats = { full: true, units: groups.reduce((n, g) => n + g.units.size, 0), wholeRules: whole.size + split.size, ...this.timing };
    return state;
  }

  private update(prev: State, template: Template, options: ValidationOptions): State {
    const changes = templateChanges(prev.template, template);
    const changedOptions = optionsChanged(prev.options, options);
    if (changes.outside || changedOptions.has('*')) return this.fresh(template, options, prev.enabled);
    const changed = new Set(changes.resources.keys());
    const appeared = new Set([...changed].filter((id) => prev.template.resources.has(id) !== template.resources.has(id)));
    const index = prev.index.next(template, changed, appeared);
    const state: State = { template, options, enabled: prev.enabled, index, groups: prev.groups, whole: new Map(), split: new Map() };
    let units = 0;
    let wholeRules = 0;
    for (const rule of prev.enabled) {
      if (rule.meta.reads?.each !== undefined) continue;
      const again = mustRerun(rule, prev.template, template, changes, changedOptions);
      const parts = partsOf(rule);
      if (parts) {
        const old = prev.split.get(rule.meta.id)!;
        const run = this.runner(options);
        state.split.set(rule.meta.id, again ? runSplit(template, rule, parts, run) : updateSplit(old, template, rule, parts, changes, run));
        if (again) wholeRules++;
        continue;
      }
      const old = prev.whole.get(rule.meta.id)!;
      const kept = again || (rule.byEntry && entryKeysDiffer(rule, prev.template, template, changes)) ? undefined : moved(old, changes.region);
      if (kept) state.whole.set(rule.meta.id, kept);
      else {
        state.whole.set(rule.meta.id, this.run(template, options, rule));
        wholeRules++;
      }
    }
    for (const g of prev.groups) {
      if (g.rules.some((r) => r.meta.reads?.options?.some((o) => changedOptions.has(o)))) {
        g.units.clear();
        g.reporting.clear();
        g.scopes.clear();
        g.holders.clear();
        g.rest = this.checkUnit(state, g, undefined);
        for (const r of template.resources.values()) if (g.scope.isUnit(r.type)) this.recheck(state, g, r.id);
        units += g.units.size;
        continue;
      }
      const dirty = new Set<string>();
      let everyUnit = false;
      for (const id of changed) {
        const type = template.resources.get(id)?.type;
        if ([type, prev.template.resources.get(id)?.type].some((t) => t !== undefined && IN_EVERY_SCOPE.has(t))) everyUnit = true;
        for (const u of g.holders.get(id) ?? []) dirty.add(u);
        for (const u of unitsReaching(template, index, id, g.scope)) dirty.add(u);
        // Only a changed resource can have gone or become of a type the group does not check.
        if (g.units.has(id) && (type === undefined || !g.scope.isUnit(type))) this.forget(g, id);
      }
      // The units that found nothing have nothing to move.
      if (!everyUnit) {
        for (const unit of g.reporting) {
          if (dirty.has(unit)) continue;
          // A kept finding that touches the edited region may say something else now: check again.
          const kept = movedAll(g.units.get(unit)!, changes.region);
          if (kept) g.units.set(unit, kept);
          else dirty.add(unit);
        }
      }
      const again = everyUnit ? template.resources.keys() : dirty;
      for (const id of again) {
        const type = template.resources.get(id)?.type;
        if (type === undefined || !g.scope.isUnit(type)) continue;
        this.recheck(state, g, id);
        units++;
      }
      // What the rules report without a unit (sections, loose entries), moved or checked again.
      const rest = everyUnit || changes.loose || changes.sections ? undefined : movedAll(g.rest, changes.region);
      g.rest = rest ?? this.checkUnit(state, g, undefined);
    }
    this.stats = { full: false, sections: changes.sections, units, wholeRules, ...this.timing };
    return state;
  }

  /** Checks one unit again over its current scope. */
  private recheck(state: State, g: Group, unit: string): void {
    this.forget(g, unit);
    const scope = scopeOf(state.template, state.index, unit, g.scope);
    g.scopes.set(unit, scope);
    for (const id of scope) {
      let set = g.holders.get(id);
      if (!set) g.holders.set(id, (set = new Set()));
      set.add(unit);
    }
    const outputs = this.checkUnit(state, g, unit, scope);
    g.units.set(unit, outputs);
    if (outputs.size > 0) g.reporting.add(unit);
  }

  private forget(g: Group, unit: string): void {
    for (const id of g.scopes.get(unit) ?? []) g.holders.get(id)?.delete(unit);
    g.scopes.delete(unit);
    g.units.delete(unit);
    g.reporting.delete(unit);
  }

  private checkUnit(state: State, g: Group, unit: string | undefined, scope: ReadonlySet<string> = new Set()): Map<string, RuleOutput> {
    const scoped = new ScopedTemplate(state.template, scope, unit, (type) => g.scope.isUnit(type));
    // Most checks find nothing: only the rules that reported (or failed) are kept.
    const out = new Map<string, RuleOutput>();
    for (const rule of g.rules) {
      const output = this.run(scoped, state.options, rule);
      if (!Array.isArray(output) || output.length > 0) out.set(rule.meta.id, output);
    }
    return out;
  }

  private run(template: Template, options: ValidationOptions, rule: Rule, check?: (ctx: RuleContext) => void): RuleOutput {
    const started = performance.now();
    const output = runRule(template, options, rule, this.onRuleError, check);
    const ms = performance.now() - started;
    this.timing.rulesMs += ms;
    if (isSpecificationRule(rule)) this.timing.schemaMs += ms;
    return output;
  }

  private runner(options: ValidationOptions): Run {
    return (template, rule, check) => this.run(template, options, rule, check);
  }

  /** Every rule's findings, units in document order, put together as `validate` does. */
  private assemble(): Diagnostic[] {
    const s = this.state!;
    const results: Array<{ rule: Rule; findings: RuleOutput }> = [];
    const perRule = new Map<string, RuleOutput>(s.whole);
    for (const [id, out] of s.split) perRule.set(id, joinSplit(s.template, out));
    for (const g of s.groups) {
      const found = new Map<string, Finding[]>(g.rules.map((r) => [r.meta.id, []]));
      const failed = new Map<string, RuleOutput>();
      const add = (outputs: ReadonlyMap<string, RuleOutput>) => {
        for (const [id, o] of outputs) {
          if (Array.isArray(o)) found.get(id)!.push(...(o as readonly Finding[]));
          else if (!failed.has(id)) failed.set(id, o);
        }
      };
      add(g.rest);
      const order = [...g.reporting].map((id) => ({ o: g.units.get(id)!, at: s.template.resources.get(id)!.idRange.start }));
      for (const u of order.sort((a, b) => a.at - b.at)) add(u.o);
      for (const rule of g.rules) perRule.set(rule.meta.id, failed.get(rule.meta.id) ?? found.get(rule.meta.id)!);
    }
    for (const rule of s.enabled) results.push({ rule, findings: perRule.get(rule.meta.id)! });
    return assemble(s.template, s.options, results, this.rules);
  }
}

/** The rules from AWS's specifications (`schema/`, `template/`, `sam/`), told once per rule: a first validation runs rules tens of thousands of times. */
const SPECIFICATION = new WeakMap<Rule, boolean>();

function isSpecificationRule(rule: Rule): boolean {
  let is = SPECIFICATION.get(rule);
  if (is === undefined) SPECIFICATION.set(rule, (is = /^(schema|template|sam)\//.test(rule.meta.id)));
  return is;
}

function newGroup(rules: readonly Rule[]): Group {
  const each = rules[0]!.meta.reads!.each!;
  const units: ReadonlySet<string> | '*' = each === '*' ? '*' : new Set(each);
  const follows = new Set<string>();
  let followsAll = false;
  for (const r of rules) {
    const types = r.meta.reads?.types;
    if (!types) continue;
    for (const t of Object.keys(types)) (t === '*' ? (followsAll = true) : follows.add(t));
  }
  return {
    rules,
    scope: { isUnit: (type) => units === '*' || units.has(type), follows: (type) => followsAll || follows.has(type) },
    units: new Map(),
    reporting: new Set(),
    rest: new Map(),
    scopes: new Map(),
    holders: new Map(),
  };
}

function sameRules(a: readonly Rule[], b: readonly Rule[]): boolean {
  return a.length === b.length && a.every((r, i) => r === b[i]);
}

/** True when a rule without `each` must run again after these changes. */
function mustRerun(rule: Rule, prev: Template, next: Template, changes: TemplateChanges, options: ReadonlySet<string>): boolean {
  const reads = rule.meta.reads;
  if (!reads || reads.document) return true;
  // A rule over the whole template may read any section; one split by resource reads the sections in its rest.
  if (changes.sections && !partsOf(rule)) return true;
  if (reads.options?.some((o) => options.has(o))) return true;
  const types = reads.types ?? {};
  // An entry of Resources that is no readable resource is seen only by a rule reading every entry.
  if (changes.loose && (types['*'] === '*' || rule.byEntry)) return true;
  for (const [id, keys] of changes.resources) {
    // A retyped resource is a removed one of its old type and an added one of its new type.
    for (const type of new Set([prev.resources.get(id)?.type, next.resources.get(id)?.type])) {
      const read: PropertyReads | undefined = type === undefined ? undefined : (types[type] ?? types['*']);
      if (read === undefined) continue;
      if (read === '*' || keys === '*' || read.some((k) => keys.has(k))) return true;
    }
  }
  return false;
}

/** The options that differ (`'*'` for a change no rule can declare: rule levels, syntax reporting). */
function optionsChanged(a: ValidationOptions, b: ValidationOptions): Set<string> {
  const out = new Set<string>();
  if (a === b) return out;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof ValidationOptions>;
  for (const k of keys) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if (x instanceof Date && y instanceof Date && x.getTime() === y.getTime()) continue;
    if (k === 'ruleLevels' && JSON.stringify(x) === JSON.stringify(y)) continue;
    out.add(k === 'ruleLevels' ? '*' : k);
  }
  return out;
}
