/**
 * Rule tests in the style of eslint's RuleTester: `valid` templates raise nothing from the rule,
 * `invalid` ones raise exactly the listed diagnostics, asserted by id, 1-based line and column, and
 * optionally severity and the related locations (e.g. a parameter's Default).
 */
import assert from 'node:assert/strict';
import { buildTemplate } from '../../server/src/template/model';
import { validate } from '../../server/src/rules/engine';
import type { Diagnostic, Rule, Severity, ValidationOptions } from '../../server/src/rules/types';

export interface ExpectedError {
  readonly line: number;
  readonly column: number;
  readonly severity?: Severity;
  /** 1-based [line, column] of each related location, in order. */
  readonly related?: ReadonlyArray<readonly [number, number]>;
  /** A substring the message must contain (use sparingly: positions are the contract). */
  readonly messageIncludes?: string;
}

export interface ValidCase {
  readonly name: string;
  readonly template: string;
  readonly options?: Partial<ValidationOptions>;
}

export interface InvalidCase extends ValidCase {
  readonly errors: readonly ExpectedError[];
}

/** Fixed "today" so lifecycle rules are deterministic. */
export const TEST_TODAY = new Date('2026-11-27T00:00:00Z');

export function testOptions(overrides: Partial<ValidationOptions> = {}): ValidationOptions {
  return { accountConcurrencyLimit: 1000, today: TEST_TODAY, ruleLevels: {}, reportSyntax: false, ...overrides };
}

/** Runs one rule over a template text and returns its diagnostics; a throwing rule fails the test. */
export function runRule(rule: Rule, text: string, options: Partial<ValidationOptions> = {}): Diagnostic[] {
  return validate(buildTemplate(text), testOptions(options), (id, e) => {
    throw new Error(`rule ${id} threw: ${String(e)}`);
  }, [rule]).filter((d) => d.rule === rule.meta.id);
}

/** 1-based line and column of an offset. */
export function lineCol(text: string, offset: number): [number, number] {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return [line, offset - before.lastIndexOf('\n')];
}

export function ruleTester(rule: Rule, cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    for (const c of cases.valid) {
      it(`accepts ${c.name}`, () => {
        const found = runRule(rule, c.template, c.options);
        assert.deepEqual(found.map((d) => `${d.message} @${lineCol(c.template, d.range.start).join(':')}`), []);
      });
    }
    for (const c of cases.invalid) {
      it(`reports ${c.name}`, () => {
        const found = runRule(rule, c.template, c.options);
        const actual = found.map((d) => describeDiagnostic(c.template, d, c.errors));
        const expected = c.errors.map((e) => ({
          at: `${e.line}:${e.column}`,
          ...(e.severity ? { severity: e.severity } : {}),
          ...(e.related ? { related: e.related.map(([l, col]) => `${l}:${col}`) } : {}),
          ...(e.messageIncludes ? { messageIncludes: true } : {}),
        }));
        assert.deepEqual(actual, expected);
      });
    }
  });
}

function describeDiagnostic(text: string, d: Diagnostic, errors: readonly ExpectedError[]) {
  const at = lineCol(text, d.range.start).join(':');
  const e = errors.find((x) => `${x.line}:${x.column}` === at);
  return {
    at,
    ...(e?.severity ? { severity: d.severity } : {}),
    ...(e?.related ? { related: d.related.map((r) => lineCol(text, r.range.start).join(':')) } : {}),
    ...(e?.messageIncludes ? { messageIncludes: d.message.includes(e.messageIncludes) } : {}),
  };
}

/** Strips the common indentation of a template literal, so test templates read naturally. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n').replace(/\s+$/, '\n');
}
