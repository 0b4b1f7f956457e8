import assert from 'node:assert/strict';
import { checkScheduleExpression, checkTimezone } from '../../../../server/src/rules/events/scheduleSyntax';

describe('schedule expression syntax', () => {
  it('accepts valid rate, cron and at expressions', () => {
    for (const e of ['rate(1 minute)', 'rate(5 minutes)', 'rate(1 hour)', 'rate(12 hours)', 'rate(1 day)', 'rate(7 days)',
      'cron(0 12 * * ? *)', 'cron(15 10 ? * 6L 2027-2030)', 'cron(0/15 * ? * MON-FRI *)', 'cron(0 8 1 * ? *)',
      'cron(0 18 ? * MON,WED,FRI *)', 'cron(0 10 ? * 2#1 *)', 'cron(0 9 L * ? *)', 'cron(0 9 15W * ? *)', 'cron(0 0 1 JAN-MAR ? *)']) {
      assert.equal(checkScheduleExpression(e, false), undefined, e);
    }
    assert.equal(checkScheduleExpression('at(2027-02-28T23:59:59)', true), undefined);
  });

  it('corrects the unit of a rate and refuses other rate mistakes', () => {
    assert.deepEqual(checkScheduleExpression('rate(1 hours)', false), { problem: 'a rate of 1 takes the singular unit "hour"', corrected: 'rate(1 hour)', unitFix: true });
    assert.equal(checkScheduleExpression('rate(5 minute)', false)?.corrected, 'rate(5 minutes)');
    assert.equal(checkScheduleExpression('rate(2 hrs)', false)?.corrected, 'rate(2 hours)');
    assert.match(checkScheduleExpression('rate(0 minutes)', false)!.problem, /at least 1/);
    assert.match(checkScheduleExpression('rate(30 seconds)', false)!.problem, /once a minute/);
    assert.match(checkScheduleExpression('rate(2 weeks)', false)!.problem, /not a rate unit/);
  });

  it('takes either unit form for any value on EventBridge Scheduler, and still refuses other units', () => {
    for (const e of ['rate(5 minute)', 'rate(1 minutes)', 'rate(3 hour)', 'rate(1 days)']) assert.equal(checkScheduleExpression(e, true), undefined, e);
    assert.equal(checkScheduleExpression('rate(5 mins)', true)?.corrected, 'rate(5 minutes)');
    assert.match(checkScheduleExpression('rate(0 minute)', true)!.problem, /at least 1/);
  });

  it('checks cron field counts, ranges and the "?" rule, with the corrected form when it is clear', () => {
    assert.deepEqual(checkScheduleExpression('cron(0 12 * * *)', false), {
      problem: 'cron expressions have exactly 6 fields (minutes hours day-of-month month day-of-week year), this one has 5',
      corrected: 'cron(0 12 * * ? *)',
    });
    assert.equal(checkScheduleExpression('cron(0 12 * * MON *)', false)?.corrected, 'cron(0 12 ? * MON *)');
    assert.equal(checkScheduleExpression('cron(0 12 ? * ? *)', false)?.corrected, 'cron(0 12 * * ? *)');
    assert.equal(checkScheduleExpression('cron(0 12 1 * MON *)', false)?.corrected, undefined);
    assert.match(checkScheduleExpression('cron(60 12 * * ? *)', false)!.problem, /minutes field "60"/);
    assert.match(checkScheduleExpression('cron(0 24 * * ? *)', false)!.problem, /hours/);
    assert.match(checkScheduleExpression('cron(0 12 * 13 ? *)', false)!.problem, /month/);
    assert.match(checkScheduleExpression('cron(0 12 ? * 8 *)', false)!.problem, /day-of-week/);
    assert.match(checkScheduleExpression('cron(0 12 * * ? 1969)', false)!.problem, /year/);
    assert.match(checkScheduleExpression('cron(0/x 12 * * ? *)', false)!.problem, /step/);
    assert.match(checkScheduleExpression('cron(? 12 * * ? *)', false)!.problem, /only allowed/);
  });

  it('allows at() on EventBridge Scheduler only, with a real date', () => {
    assert.match(checkScheduleExpression('at(2027-01-01T00:00:00)', false)!.problem, /only in EventBridge Scheduler/);
    assert.match(checkScheduleExpression('at(2027-02-30T00:00:00)', true)!.problem, /not a real date/);
    assert.match(checkScheduleExpression('at(2027-01-01 00:00)', true)!.problem, /yyyy-mm-ddThh:mm:ss/);
    assert.match(checkScheduleExpression('every 5 minutes', true)!.problem, /not a schedule expression/);
  });

  it('accepts IANA names and their aliases, and suggests the closest for a typo', () => {
    for (const z of ['Europe/Paris', 'America/New_York', 'UTC', 'Asia/Kolkata', 'US/Eastern', 'Etc/GMT+5']) assert.equal(checkTimezone(z), undefined, z);
    assert.equal(checkTimezone('Europe/Pari')?.suggestion, 'Europe/Paris');
    assert.equal(checkTimezone('+05:00')?.suggestion, undefined);
    assert.equal(checkTimezone('Mars/Olympus_Mons')?.problem, '"Mars/Olympus_Mons" is not an IANA time zone');
  });
});
