import assert from 'node:assert/strict';
import { configurationJson, MASK } from '../../../client/src/explorer/configurationJson';

describe('explorer/configurationJson', function () {
  const details = {
    configuration: { FunctionName: 'orders', Environment: { Variables: { DB_PASSWORD: 'hunter2', TABLE: 'orders' } } },
    reservedConcurrency: 5,
    tags: { team: 'a' },
  };

  it('masks environment variable values and keeps their names', function () {
    const text = configurationJson(details, false);
    assert.ok(!text.includes('hunter2'));
    assert.deepEqual(JSON.parse(text).Configuration.Environment.Variables, { DB_PASSWORD: MASK, TABLE: MASK });
    assert.deepEqual(JSON.parse(text).Concurrency, { ReservedConcurrentExecutions: 5 });
  });

  it('shows the values once revealed', function () {
    assert.equal(JSON.parse(configurationJson(details, true)).Configuration.Environment.Variables.DB_PASSWORD, 'hunter2');
  });

  it('leaves a configuration without environment alone', function () {
    assert.deepEqual(JSON.parse(configurationJson({ configuration: { FunctionName: 'x' }, reservedConcurrency: undefined, tags: {} }, false)).Configuration, { FunctionName: 'x' });
  });
});
