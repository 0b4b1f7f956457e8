import { get } from '../../template/ast';
import type { Node } from '../../template/ast';
import { functionById, functionsOf } from '../../template/functions';
import type { FunctionView } from '../../template/functions';
import { getAll, refTarget, resolveNumbers } from '../../template/resolve';
import type { Candidate } from '../../template/resolve';
import type { Template } from '../../template/model';
import { QUOTAS } from '../../quotas';
import { fmt, ownerOf, relatedFor } from '../helpers';
import type { Related, Rule, RuleContext } from '../types';
import { changed, example } from '../docs';

/** At most this many other reserving functions are listed as related information. */
const MAX_RELATED = 10;

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = example(`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    MyFunction:
      Type: AWS::Serverless::Function
      Properties:
        Handler: index.handler
        Runtime: nodejs22.x
        CodeUri: src/
        ReservedConcurrentExecutions: 200
        AutoPublishAlias: live
        ProvisionedConcurrencyConfig:
          ProvisionedConcurrentExecutions: 50
`);

/**
 * limits/reserved-concurrency: no negative reservation, the template's reservations leave Lambda's
 * 100 unreserved executions of the account limit, and provisioned concurrency fits in the reservation.
 */
export const reservedConcurrency: Rule = {
  meta: {
    id: 'limits/reserved-concurrency',
    severity: 'error',
    description: `ReservedConcurrentExecutions is not negative, all reservations leave ${QUOTAS.unreservedConcurrencyMin} unreserved executions of the account limit, and provisioned concurrency does not exceed the reservation.`,
    docs: {
      bad: changed(EXAMPLE, ['      ReservedConcurrentExecutions: 200\n', '      ReservedConcurrentExecutions: 950   # account limit 1,000\n'], ['        ProvisionedConcurrentExecutions: 50\n', '        ProvisionedConcurrentExecutions: 1000\n']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html',
    },
    fixable: false,
    reads: { types: { 'AWS::Serverless::Function': ['ReservedConcurrentExecutions', 'ProvisionedConcurrencyConfig', 'AutoPublishAlias'], 'AWS::Lambda::Function': ['ReservedConcurrentExecutions'], 'AWS::Lambda::Alias': '*', 'AWS::Lambda::Version': '*' }, options: ['accountConcurrencyLimit'] },
  },
  check(ctx) {
    const reserving: Array<{ f: FunctionView; c: Candidate & { value: number } }> = [];
    for (const f of functionsOf(ctx.template)) {
      const values = reserved(ctx.template, f);
      for (const c of values) {
        if (c.value < 0) {
          ctx.report({ range: c.at, message: `ReservedConcurrentExecutions ${c.value} is negative; use 0 to stop the function from running, or a positive reservation.`, ...withVia(f, c) });
        }
      }
      // Only a reservation every branch agrees on counts towards the total (no false positives).
      const least = values.length > 0 ? values.reduce((a, b) => (b.value < a.value ? b : a)) : undefined;
      if (least && least.value > 0) reserving.push({ f, c: least });
      checkProvisioned(ctx, f, get(f.props, 'ProvisionedConcurrencyConfig'), values);
    }
    checkTotal(ctx, reserving);
    for (const type of ['AWS::Lambda::Alias', 'AWS::Lambda::Version']) {
      for (const r of ctx.template.ofType(type)) {
        const target = refTarget(get(r.properties, 'FunctionName'));
        const f = target ? functionById(ctx.template, target.id) : undefined;
        if (f) checkProvisioned(ctx, f, get(r.properties, 'ProvisionedConcurrencyConfig'), reserved(ctx.template, f));
      }
    }
  },
};

function reserved(t: Template, f: FunctionView): Array<Candidate & { value: number }> {
  return resolveNumbers(t, get(f.props, 'ReservedConcurrentExecutions'));
}

function withVia(f: FunctionView, c: Candidate): { related: Related[]; resource?: string } {
  const owner = ownerOf(f, c.at);
  return { ...owner, related: [...owner.related, ...relatedFor(undefined, c)] };
}

function checkTotal(ctx: RuleContext, reserving: ReadonlyArray<{ f: FunctionView; c: Candidate & { value: number } }>): void {
  if (reserving.length === 0) return;
  const limit = ctx.options.accountConcurrencyLimit;
  const total = reserving.reduce((sum, r) => sum + r.c.value, 0);
  const unreserved = limit - total;
  if (unreserved >= QUOTAS.unreservedConcurrencyMin) return;
  const largest = reserving.reduce((a, b) => (b.c.value > a.c.value ? b : a));
  const others: Related[] = reserving
    .filter((r) => r !== largest)
    .sort((a, b) => b.c.value - a.c.value)
    .slice(0, MAX_RELATED)
    .map((r) => ({ range: r.c.at, message: `${r.f.id} reserves ${fmt(r.c.value)}.` }));
  const own = withVia(largest.f, largest.c);
  ctx.report({
    range: largest.c.at,
    message: `Functions in this template reserve ${fmt(total)} concurrent executions, leaving ${fmt(unreserved)} of the account limit of ${fmt(limit)}; Lambda keeps at least ${QUOTAS.unreservedConcurrencyMin} unreserved, so the deployment fails. Lower the reservations, or raise the account limit (and set lambdaLens.accountConcurrencyLimit / --account-concurrency to it).`,
    ...own,
    related: [...own.related, ...others],
  });
}

/** Provisioned concurrency above the function's (known) reservation cannot be allocated. */
function checkProvisioned(ctx: RuleContext, f: FunctionView, config: Node | undefined, reservations: ReadonlyArray<Candidate & { value: number }>): void {
  if (reservations.length === 0) return;
  const most = reservations.reduce((a, b) => (b.value > a.value ? b : a));
  for (const node of getAll(config, 'ProvisionedConcurrentExecutions')) {
    for (const c of resolveNumbers(ctx.template, node)) {
      if (c.value <= most.value) continue;
      ctx.report({
        range: c.at,
        message: `Provisioned concurrency ${fmt(c.value)} is above ${f.id}'s reserved concurrency of ${fmt(most.value)}; Lambda cannot allocate it. Lower ProvisionedConcurrentExecutions, or raise ReservedConcurrentExecutions.`,
        related: [{ range: most.at, message: `${f.id} reserves ${fmt(most.value)} here.` }, ...relatedFor(undefined, c)],
      });
    }
  }
}
