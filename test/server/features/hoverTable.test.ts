import assert from 'node:assert/strict';
import { hover } from '../../../server/src/features/hover';
import { HOVERS } from '../../../server/src/features/hoverTable';
import { buildTemplate } from '../../../server/src/template/model';
import { RULES } from '../../../server/src/rules/index';
import { yaml } from '../../support/ruleTester';

describe('hovers on trigger settings', () => {
  it('name only registered rules for the event and edge properties', () => {
    const ids = new Set(RULES.map((r) => r.meta.id));
    for (const key of ['StartingPosition', 'ParallelizationFactor', 'MaximumRecordAgeInSeconds', 'MaximumBatchingWindowInSeconds', 'ScheduleExpressionTimezone', 'TimeoutInMillis']) {
      const entry = HOVERS[key];
      assert.ok(entry, key);
      for (const id of entry.rules) assert.ok(ids.has(id), `${key}: ${id}`);
    }
  });

  it('explains a stream setting with its limit, value and rule', () => {
    const text = yaml`
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Fn:
          Type: AWS::Serverless::Function
          Properties:
            Events:
              Clicks: { Type: Kinesis, Properties: { Stream: arn:aws:kinesis:us-east-1:123456789012:stream/c, StartingPosition: LATEST, ParallelizationFactor: 4 } }
    `;
    const line = 6;
    const character = text.split('\n')[line]!.indexOf('ParallelizationFactor') + 3;
    const h = hover(buildTemplate(text), { line, character });
    const value = h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
    assert.match(value, /\*\*ParallelizationFactor\*\* — Concurrent batches per stream shard: 1–10\./);
    assert.match(value, /Current value: `4`/);
    assert.match(value, /events\/stream-settings/);
  });
});

describe('hovers on 2026 function settings', () => {
  const text = yaml`
    Transform: AWS::Serverless-2016-10-31
    Resources:
      Fn:
        Type: AWS::Serverless::Function
        Properties:
          MemorySize: 4096
          CapacityProviderConfig: { Arn: arn:aws:lambda:us-east-1:123456789012:capacity-provider:cp }
          TenancyConfig: { TenantIsolationMode: PER_TENANT }
          DurableConfig: { ExecutionTimeout: 3600 }
          LoggingConfig: { LogFormat: JSON, ApplicationLogLevel: INFO }
  `;
  const at = (key: string) => {
    const line = text.split('\n').findIndex((l) => l.includes(`${key}:`));
    const h = hover(buildTemplate(text), { line, character: text.split('\n')[line]!.indexOf(key) + 1 });
    return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
  };

  it('explain each new setting with its limits and rule', () => {
    assert.match(at('MemorySize'), /2,048–32,768 MB on Lambda Managed Instances/);
    assert.match(at('CapacityProviderConfig'), /up to 5,400 s[\s\S]*limits\/incompatible-settings/);
    assert.match(at('TenancyConfig'), /no provisioned concurrency, SnapStart, function URLs[\s\S]*limits\/incompatible-settings/);
    assert.match(at('DurableConfig'), /31,622,400 s[\s\S]*limits\/durable-config/);
    assert.match(at('ApplicationLogLevel'), /\*\*LoggingConfig\*\*[\s\S]*limits\/logging-config/);
  });
});
