import assert from 'node:assert/strict';
import { buildTemplate } from '../../../server/src/template/model';
import { validate } from '../../../server/src/rules/engine';
import { apiTimeout } from '../../../server/src/rules/events/apiTimeout';
import { timeout } from '../../../server/src/rules/limits/timeout';
import { functionNotInVpc } from '../../../server/src/rules/rds-proxy/functionNotInVpc';
import { privateResourceUnreachable } from '../../../server/src/rules/vpc/privateResourceUnreachable';
import type { Rule, RuleLevel, Severity } from '../../../server/src/rules/types';
import { lineCol, testOptions, yaml } from '../../support/ruleTester';

const PROXY_WITHOUT_VPC = yaml`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Proxy:
      Type: AWS::RDS::DBProxy
      Properties:
        EngineFamily: POSTGRESQL
        VpcSubnetIds: [subnet-1, subnet-2]
    Api:
      Type: AWS::Serverless::Function
      Properties:
        Environment:
          Variables:
            DB_HOST: !GetAtt Proxy.Endpoint
`;

const RULES = [functionNotInVpc, privateResourceUnreachable];

function run(text: string, levels: Record<string, RuleLevel> = {}, rules: readonly Rule[] = RULES) {
  return validate(buildTemplate(text), testOptions({ ruleLevels: levels }), (id, e) => {
    throw new Error(`rule ${id} threw: ${String(e)}`);
  }, rules).map((d) => ({ rule: d.rule, at: lineCol(text, d.range.start).join(':'), severity: d.severity, also: d.alsoFrom ?? [], message: d.message }));
}

describe('rules engine: one finding per cause', () => {
  it('shows the narrower rule once, naming the broader rule, when both describe the same fault', () => {
    const found = run(PROXY_WITHOUT_VPC);
    assert.deepEqual(found.map(({ rule, at, also }) => ({ rule, at, also })), [
      { rule: 'rds-proxy/function-not-in-vpc', at: '13:20', also: ['vpc/private-resource-unreachable'] },
    ]);
    assert.match(found[0]!.message, /\[also vpc\/private-resource-unreachable\]$/);
  });

  it('lets the broader rule report the fault when the narrower one is turned off', () => {
    assert.deepEqual(run(PROXY_WITHOUT_VPC, { 'rds-proxy/function-not-in-vpc': 'off' }).map((d) => [d.rule, d.at]), [['vpc/private-resource-unreachable', '13:20']]);
  });

  it('keeps the narrower rule alone when the broader one is turned off', () => {
    assert.deepEqual(run(PROXY_WITHOUT_VPC, { 'vpc/private-resource-unreachable': 'off' }).map((d) => [d.rule, d.at, d.also.length]), [['rds-proxy/function-not-in-vpc', '13:20', 0]]);
  });

  it('lets the broader rule through when a disable comment silences only the narrower one', () => {
    const text = PROXY_WITHOUT_VPC.replace('          DB_HOST', '          # lambda-lens-disable-next-line rds-proxy/function-not-in-vpc\n          DB_HOST');
    assert.deepEqual(run(text).map((d) => [d.rule, d.at]), [['vpc/private-resource-unreachable', '14:20']]);
  });

  it('lets the narrower rule through when a resource Metadata ignore silences only the broader one', () => {
    const text = PROXY_WITHOUT_VPC.replace('    Type: AWS::Serverless::Function\n', '    Type: AWS::Serverless::Function\n    Metadata: { lambda-lens: { ignore: [vpc/private-resource-unreachable] } }\n');
    assert.deepEqual(run(text).map((d) => [d.rule, d.also.length]), [['rds-proxy/function-not-in-vpc', 0]]);
  });

  it('shows a Timeout above 900 s behind an API once, as the API rule at the quota rule\'s level', () => {
    const text = yaml`
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Api:
          Type: AWS::Serverless::Function
          Properties:
            Timeout: 1200
            Events:
              Get: { Type: Api, Properties: { Path: /a, Method: get } }
    `;
    const found = run(text, {}, [apiTimeout, timeout]);
    assert.deepEqual(found.map(({ rule, at, severity, also }) => ({ rule, at, severity, also })), [
      { rule: 'events/api-timeout', at: '6:16', severity: 'error', also: ['limits/timeout'] },
    ]);
    assert.deepEqual(run(text, { 'events/api-timeout': 'off' }, [apiTimeout, timeout]).map((d) => d.rule), ['limits/timeout']);
  });

  describe('with rules that declare the relation', () => {
    /** A rule reporting at the value of `key` in every resource's Properties. */
    const at = (id: string, key: string, severity: Severity, narrows?: string[]): Rule => ({
      meta: { id, severity, description: id, docs: { bad: 'x', good: 'y', url: 'https://docs.aws.amazon.com/' }, fixable: false, ...(narrows ? { narrows } : {}) },
      check(ctx) {
        for (const r of ctx.template.resources.values()) {
          const pair = r.properties?.pairs.find((p) => p.key === key);
          if (pair) ctx.report({ range: pair.value.range, message: `${id} on ${key}.`, related: [{ range: r.idRange, message: id }] });
        }
      },
    });
    const text = yaml`
      Resources:
        Fn:
          Type: AWS::Lambda::Function
          Properties: { MemorySize: 99999, Timeout: 5000 }
    `;

    it('folds a broad rule into the narrower one only where their ranges overlap, taking the higher severity and both related locations', () => {
      const broad = at('schema/invalid-value', 'MemorySize', 'error');
      const otherBroad = at('schema/other', 'Timeout', 'information');
      const narrow = at('limits/memory-size', 'MemorySize', 'warning', ['schema/invalid-value', 'schema/other']);
      const ds = validate(buildTemplate(text), testOptions(), undefined, [broad, otherBroad, narrow]);
      assert.deepEqual(ds.map((d) => [d.rule, lineCol(text, d.range.start).join(':'), d.severity, d.alsoFrom ?? []]), [
        ['limits/memory-size', '4:31', 'error', ['schema/invalid-value']],
        ['schema/other', '4:47', 'information', []],
      ]);
      assert.equal(ds[0]!.related.length, 2);
    });

    it('does nothing for rules that declare no relation', () => {
      const ds = validate(buildTemplate(text), testOptions(), undefined, [at('a/x', 'MemorySize', 'error'), at('b/y', 'MemorySize', 'error')]);
      assert.equal(ds.length, 2);
    });
  });
});
