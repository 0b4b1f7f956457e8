import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { literalNumbers, numbersIn, quotaTextProblems, scanFiles, sourceFiles } from '../support/quotaText';
import type { AllowedNumber } from '../support/quotaText';

const ROOT = join(__dirname, '..', '..');

/** Where user-facing text is written: every rule module (messages, descriptions, fix titles) and the hovers. */
const TEXT_SOURCES = [
  'server/src/rules',
  ...readdirSync(join(ROOT, 'server/src/features')).filter((f) => /^hover.*\.ts$/.test(f)).map((f) => `server/src/features/${f}`),
];

/** Numbers in text that are not quotas. Each entry covers one sentence and says why it stays a literal. */
const NOT_QUOTAS: readonly AllowedNumber[] = [
  { file: 'server/src/rules/sam/eventDeadLetter.ts', number: '1', near: 'rate(1 day)', why: 'the schedule of a documented example, not a limit' },
  { file: 'server/src/rules/sam/exclusiveProperties.ts', number: '1', near: 'rate(1 day)', why: 'the schedule of a documented example, not a limit' },
  { file: 'server/src/rules/sam/gatewayResponses.ts', number: '401', near: 'StatusCode: 401', why: 'an HTTP status code in a documented example' },
  { file: 'server/src/rules/sam/gatewayResponses.ts', number: '401', near: 'for example 401', why: 'an HTTP status code named as an example' },
  { file: 'server/src/rules/sam/definitionBody.ts', number: '3', near: 'openapi 3.x', why: 'the OpenAPI specification version SAM edits, not a limit' },
  { file: 'server/src/rules/sam/definitionBody.ts', number: '2', near: 'OpenApiVersion is 2.x', why: 'the Swagger specification version, not a limit' },
  { file: 'server/src/rules/sam/definitionBody.ts', number: '2.0', near: 'use 2.0 or a 3.x version', why: 'OpenAPI specification versions, not limits' },
  { file: 'server/src/rules/sam/definitionBody.ts', number: '3', near: 'use 2.0 or a 3.x version', why: 'OpenAPI specification versions, not limits' },
  { file: 'server/src/rules/sam/definitionBody.ts', number: '3', near: 'OpenAPI 3 document', why: 'the OpenAPI specification version, not a limit' },
  { file: 'server/src/rules/sam/httpApiAuthorizer.ts', number: '2.0', near: "AuthorizerPayloadFormatVersion: '2.0'", why: 'the payload format version of a documented example' },
  { file: 'server/src/rules/events/apiTimeout.ts', number: '504', near: 'callers get a 504', why: 'the HTTP status API Gateway answers on an integration timeout' },
  { file: 'server/src/rules/limits/reservedConcurrency.ts', number: '0', near: 'use 0 to stop the function', why: 'a reservation of zero is how Lambda stops a function; a meaning of the value, not a limit' },
  { file: 'server/src/rules/events/scheduleExpression.ts', number: '1', near: 'singular only for 1', why: 'schedule expression grammar: rate(1 hour) but rate(2 hours)' },
  { file: 'server/src/rules/events/scheduleSyntax.ts', number: '5', near: 'like rate(5 minutes)', why: 'an example of the syntax' },
  { file: 'server/src/rules/events/scheduleSyntax.ts', number: '1', near: 'whole number of at least 1', why: 'schedule expression grammar: a rate is a positive whole number' },
  { file: 'server/src/rules/events/scheduleSyntax.ts', number: '1', near: 'a rate of 1 takes the singular', why: 'schedule expression grammar: rate(1 hour) but rate(2 hours)' },
  { file: 'server/src/rules/events/scheduleSyntax.ts', number: '6', near: 'exactly 6 fields', why: 'cron expression grammar: six fields, listed in the same message' },
  { file: 'server/src/features/hoverTable.ts', number: '1', near: 'a singular unit for 1 and plural otherwise; Scheduler takes either', why: 'schedule expression grammar: rate(1 hour) but rate(2 hours) on EventBridge rules' },
  { file: 'server/src/features/hoverTable.ts', number: '1', near: 'singular unit for 1; cron() with six fields and exactly one of day-of-month or day-of-week as ?.', why: 'schedule expression grammar: rate(1 hour) but rate(2 hours)' },
];

describe('numbers in user-facing text', () => {
  it('come from the quota table: rule messages, descriptions and hovers hold no number literal without a reason', () => {
    const { unexplained, stale } = quotaTextProblems(scanFiles(ROOT, sourceFiles(ROOT, TEXT_SOURCES)), NOT_QUOTAS);
    assert.deepEqual(unexplained, [], 'use the quota table (server/src/quotas.ts) or add a reviewed entry to NOT_QUOTAS');
    assert.deepEqual(stale, [], 'NOT_QUOTAS entries that no longer match any text');
  });

  it('scans every rule module and the hover table', () => {
    const files = sourceFiles(ROOT, TEXT_SOURCES);
    for (const f of ['server/src/rules/limits/timeout.ts', 'server/src/rules/vpc/singleSubnet.ts', 'server/src/features/hoverTable.ts']) assert.ok(files.includes(f), f);
  });

  it('reads numbers that stand as words, not names, dates, addresses or versions', () => {
    assert.deepEqual(numbersIn('at most 6 x the timeout, 1..10,000 records, 0.5 s, -1 (never), 29 s'), ['6', '1', '10,000', '0.5', '-1', '29']);
    assert.deepEqual(numbersIn('S3 python3.13 arm64 x86_64 2012-10-17 0.0.0.0/0 :function:name:3 ${AWS::Region} v2'), []);
  });

  describe('the check fails on text written by hand', () => {
    const source = [
      "import { EVENT_QUOTAS } from '../../quotas';",
      'export const rule = {',
      "  meta: { id: 'events/x', description: 'A queue needs 6 x the function timeout.', docs: { bad: 'Timeout: 1800', good: 'Timeout: 900', url: 'https://docs.aws.amazon.com/x/1' } },",
      '  check(ctx) {',
      '    ctx.report({ message: `BatchSize is above ${EVENT_QUOTAS.sqsUnbatchedMax}; use ${10} or less, callers get a 504.`, title: `Set BatchSize to ${EVENT_QUOTAS.sqsUnbatchedMax}` });',
      '  },',
      '};',
    ].join('\n');
    const hits = literalNumbers('server/src/rules/events/x.ts', source);

    it('reports a literal in a description and a number literal interpolated into a message, not examples, ids or links', () => {
      assert.deepEqual(hits.map((h) => `${h.line} ${h.number}`), ['3 6', '5 10', '5 504']);
    });

    it('lets a reviewed entry cover only its sentence, and reports entries that cover nothing', () => {
      const allowed: AllowedNumber[] = [
        { file: 'server/src/rules/events/x.ts', number: '504', near: 'callers get a 504', why: 'an HTTP status' },
        { file: 'server/src/rules/events/x.ts', number: '6', near: 'advises 6 x', why: 'a sentence that is gone' },
      ];
      const { unexplained, stale } = quotaTextProblems(hits, allowed);
      assert.deepEqual(unexplained, [
        'server/src/rules/events/x.ts:3: "6" in "A queue needs 6 x the function timeout."',
        'server/src/rules/events/x.ts:5: "10" in "${10}"',
      ]);
      assert.deepEqual(stale, ['server/src/rules/events/x.ts: "6" near "advises 6 x"']);
    });
  });
});
