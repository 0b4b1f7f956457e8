import { get } from '../../template/ast';
import type { Node } from '../../template/ast';
import { eventSourceList } from '../../template/eventSources';
import type { Template } from '../../template/model';
import { resolveStrings } from '../../template/resolve';
import type { Candidate } from '../../template/resolve';
import { relatedFor } from '../helpers';
import type { Fix, RuleContext, Rule } from '../types';
import { checkScheduleExpression, checkTimezone } from './scheduleSyntax';
import { replaceStringFix } from '../edits';
import { changed, example } from '../docs';
import { FUNCTION_TYPES } from '../../template/functions';

const URL = 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html';

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = example(`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Nightly:
      Type: AWS::Serverless::Function
      Properties:
        Handler: index.handler
        Runtime: nodejs22.x
        CodeUri: src/
        Events:
          Nightly:
            Type: Schedule
            Properties:
              Schedule: rate(1 hour)
`);

/** events/schedule-expression: rate / cron / at syntax of every schedule, and Scheduler time zones. */
export const scheduleExpression: Rule = {
  meta: {
    id: 'events/schedule-expression',
    severity: 'error',
    description: 'Schedule expressions must be rate(N unit) (on EventBridge rules with the unit singular only for 1), six-field cron(...) with one "?" day field, or at(...) on EventBridge Scheduler, with a valid IANA time zone.',
    docs: {
      bad: changed(EXAMPLE, ['            Schedule: rate(1 hour)\n', '            Schedule: rate(1 hours)\n']),
      good: EXAMPLE,
      url: URL,
      references: [
        'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rate-expressions.html',
        'https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html',
      ],
    },
    fixable: true,
    reads: { each: ['AWS::Events::Rule', 'AWS::Scheduler::Schedule', 'AWS::Serverless::StateMachine', ...FUNCTION_TYPES], types: { '*': '*' } },
  },
  check(ctx) {
    const t = ctx.template;
    const seen = new Set<Node>();
    const check = (expression: Node | undefined, timezone: Node | undefined, scheduler: boolean) => {
      if (expression && !seen.has(expression)) {
        seen.add(expression);
        for (const c of resolveStrings(t, expression)) checkExpression(ctx, c, scheduler);
      }
      if (timezone && !seen.has(timezone)) {
        seen.add(timezone);
        for (const c of resolveStrings(t, timezone)) checkZone(ctx, c);
      }
    };
    // Rules and schedules are checked whether or not they target a function of this template.
    for (const r of t.ofType('AWS::Events::Rule')) check(get(r.properties, 'ScheduleExpression'), undefined, false);
    for (const r of t.ofType('AWS::Scheduler::Schedule')) check(get(r.properties, 'ScheduleExpression'), get(r.properties, 'ScheduleExpressionTimezone'), true);
    for (const s of eventSourceList(t)) if (s.schedule) check(s.schedule.expression, s.schedule.timezone, s.schedule.scheduler);
    for (const r of t.ofType('AWS::Serverless::StateMachine')) samStateMachine(t, r.properties, check);
  },
};

/** SAM state machines take the same Schedule / ScheduleV2 events as functions. */
function samStateMachine(t: Template, props: Node | undefined, check: (e: Node | undefined, z: Node | undefined, s: boolean) => void): void {
  const events = get(props, 'Events');
  if (events?.kind !== 'map' || !t.isSam) return;
  for (const e of events.pairs) {
    const type = get(e.value, 'Type');
    const p = get(e.value, 'Properties');
    if (type?.kind !== 'scalar') continue;
    if (type.value === 'Schedule') check(get(p, 'Schedule'), undefined, false);
    if (type.value === 'ScheduleV2') check(get(p, 'ScheduleExpression'), get(p, 'ScheduleExpressionTimezone'), true);
  }
}

function checkExpression(ctx: RuleContext, c: Candidate & { value: string }, scheduler: boolean): void {
  const p = checkScheduleExpression(c.value, scheduler);
  if (!p) return;
  const message = `Invalid schedule "${c.value}": ${p.problem}.${p.corrected ? ` Did you mean ${p.corrected}?` : ''}`;
  const fixes: Fix[] = p.corrected && p.unitFix ? [replaceStringFix(ctx.template, c, p.corrected)] : [];
  ctx.report({ range: c.at, message, related: relatedFor(undefined, c), fixes });
}

function checkZone(ctx: RuleContext, c: Candidate & { value: string }): void {
  const p = checkTimezone(c.value);
  if (!p) return;
  const message = `${p.problem}; EventBridge Scheduler needs a name from the IANA database${p.suggestion ? `, such as ${p.suggestion}` : ' (e.g. Europe/Paris, America/New_York)'}.`;
  ctx.report({ range: c.at, message, related: relatedFor(undefined, c) });
}
