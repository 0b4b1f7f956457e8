import assert from 'node:assert/strict';
import { arnResourceName, awsManagedPolicyName, isAccountId, isArn, layerVersionLabel, parseArn, parseFunctionArn, qualifierKind } from '../../server/src/arn';

describe('ARNs', () => {
  it('splits an ARN into partition, service, region, account and the resource with its own colons', () => {
    assert.deepEqual(parseArn('arn:aws:dynamodb:eu-west-1:123456789012:table/orders/stream/2024-05-01T10:00:00.000'), {
      partition: 'aws',
      service: 'dynamodb',
      region: 'eu-west-1',
      account: '123456789012',
      resource: 'table/orders/stream/2024-05-01T10:00:00.000',
    });
    assert.deepEqual(parseArn('arn:aws-cn:s3:::photos/2024/cat.jpg'), { partition: 'aws-cn', service: 's3', region: '', account: '', resource: 'photos/2024/cat.jpg' });
  });

  it('refuses text that is not an ARN', () => {
    for (const text of ['orders', 'arn:aws:sqs', 'arn::sqs:r:a:q', 'arn:aws::r:a:q', 'ARN:aws:sqs:r:a:q', '']) {
      assert.equal(parseArn(text), undefined, text);
      assert.equal(isArn(text), false, text);
    }
  });

  it('names the resource after its type prefix, whichever separator the service uses', () => {
    assert.equal(arnResourceName('arn:aws:sqs:us-east-1:123456789012:jobs'), 'jobs');
    assert.equal(arnResourceName('arn:aws:sns:us-east-1:123456789012:alerts'), 'alerts');
    assert.equal(arnResourceName('arn:aws:kinesis:us-east-1:123456789012:stream/clicks'), 'clicks');
    assert.equal(arnResourceName('arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2024-05-01T10:00:00.000'), 'orders');
    assert.equal(arnResourceName('arn:aws:mq:us-east-1:123456789012:broker:orders:b-1234'), 'orders');
    assert.equal(arnResourceName('arn:aws:lambda:us-east-1:123456789012:function:api:live'), 'api');
    assert.equal(arnResourceName('arn:aws:s3:::photos/2024/cat.jpg'), 'photos');
    assert.equal(arnResourceName('jobs'), undefined);
  });

  it('reads a function ARN with or without a qualifier, and only a function ARN', () => {
    assert.deepEqual(parseFunctionArn('arn:aws:lambda:eu-west-1:111122223333:function:orders:live'), {
      partition: 'aws', region: 'eu-west-1', account: '111122223333', name: 'orders', qualifier: 'live',
    });
    assert.equal(parseFunctionArn('arn:aws:lambda:eu-west-1:111122223333:function:orders')?.qualifier, undefined);
    assert.equal(parseFunctionArn('arn:aws:lambda:eu-west-1:111122223333:layer:deps:3'), undefined);
    assert.equal(parseFunctionArn('arn:aws:lambda:eu-west-1:111122223333:function:orders:'), undefined);
    assert.equal(parseFunctionArn('arn:aws:lambda:eu-west-1:111122223333:function:orders:1:2'), undefined);
    assert.equal(parseFunctionArn('arn:aws:sqs:eu-west-1:111122223333:function:orders'), undefined);
  });

  it('tells a published version from $LATEST and an alias', () => {
    assert.equal(qualifierKind(undefined), 'none');
    assert.equal(qualifierKind('$LATEST'), 'latest');
    assert.equal(qualifierKind('42'), 'version');
    assert.equal(qualifierKind('live'), 'alias');
  });

  it('labels a layer version as name:version and keeps other text', () => {
    assert.equal(layerVersionLabel('arn:aws:lambda:us-east-1:123456789012:layer:deps:7'), 'deps:7');
    assert.equal(layerVersionLabel('arn:aws:lambda:us-east-1:123456789012:function:f'), 'arn:aws:lambda:us-east-1:123456789012:function:f');
    assert.equal(layerVersionLabel('deps'), 'deps');
  });

  it('names AWS managed policies, not customer managed ones', () => {
    assert.equal(awsManagedPolicyName('arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole'), 'AWSLambdaVPCAccessExecutionRole');
    assert.equal(awsManagedPolicyName('arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess'), 'ReadOnlyAccess');
    assert.equal(awsManagedPolicyName('arn:aws:iam::123456789012:policy/mine'), undefined);
    assert.equal(awsManagedPolicyName('ReadOnlyAccess'), undefined);
  });

  it('knows a 12-digit account id', () => {
    assert.equal(isAccountId('123456789012'), true);
    assert.equal(isAccountId('12345'), false);
    assert.equal(isAccountId(''), false);
  });
});
