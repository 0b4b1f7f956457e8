import assert from 'node:assert/strict';
import { accountOf, checkFunctionInput, parseNameOrArn } from '../../../client/src/invoke/target';

describe('invoke target', () => {
  it('reads region, account, name and qualifier from a function ARN', () => {
    assert.deepEqual(parseNameOrArn('arn:aws:lambda:eu-west-1:111122223333:function:orders:live', 'us-east-1'), {
      region: 'eu-west-1',
      account: '111122223333',
      functionName: 'orders',
      qualifier: 'live',
    });
    assert.deepEqual(parseNameOrArn('arn:aws-cn:lambda:cn-north-1:111122223333:function:orders', 'us-east-1'), {
      region: 'cn-north-1',
      account: '111122223333',
      functionName: 'orders',
    });
  });

  it('takes a plain name in the default region', () => {
    assert.deepEqual(parseNameOrArn(' orders ', 'ap-south-1'), { region: 'ap-south-1', functionName: 'orders', account: undefined });
  });

  it('knows the account of an ARN only', () => {
    assert.equal(accountOf('arn:aws:lambda:us-east-1:123456789012:function:f'), '123456789012');
    assert.equal(accountOf('f'), undefined);
    assert.equal(accountOf(undefined), undefined);
  });

  it('validates typed input', () => {
    assert.equal(checkFunctionInput('orders-api_2'), undefined);
    assert.equal(checkFunctionInput('arn:aws:lambda:us-east-1:123456789012:function:f:1'), undefined);
    assert.match(checkFunctionInput('orders api') ?? '', /Enter a function name/);
    assert.match(checkFunctionInput('') ?? '', /Enter a function name/);
  });
});
