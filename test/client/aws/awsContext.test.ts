import assert from 'node:assert/strict';
import { AwsContext, type AwsChange } from '../../../client/src/aws/awsContext';
import { TWO_PROFILES, writeAwsFiles, type TempAwsFiles } from '../../support/awsProfiles';

describe('aws/awsContext', function () {
  let files: TempAwsFiles;
  before(() => {
    files = writeAwsFiles(TWO_PROFILES.config, TWO_PROFILES.credentials);
  });
  after(() => files.remove());

  it('shows the setting regions (valid, once each), else the profile region', function () {
    const aws = AwsContext.fromEnv({ profile: 'dev', regions: ['us-east-1', 'not a region', 'us-east-1', 'ap-south-2'], client: {} }, files.env);
    assert.deepEqual(aws.regions, ['us-east-1', 'ap-south-2']);
    aws.update({ profile: 'dev', regions: [], client: {} });
    assert.deepEqual(aws.regions, ['eu-west-1']);
    aws.dispose();
  });

  it('keeps the session and cache on a region change, and rebuilds both on a profile or endpoint change', function () {
    const aws = AwsContext.fromEnv({ profile: 'dev', regions: ['us-east-1'], client: {} }, files.env);
    const changes: AwsChange[] = [];
    aws.onDidChange((c) => changes.push(c));
    const { factory, functions } = aws;
    aws.update({ profile: 'dev', regions: ['eu-west-1'], client: {} });
    assert.equal(aws.factory, factory);
    assert.equal(aws.functions, functions);
    aws.update({ profile: 'prod', regions: ['eu-west-1'], client: {} });
    assert.notEqual(aws.factory, factory);
    assert.notEqual(aws.functions, functions);
    assert.equal(aws.session.label, 'prod');
    aws.update({ profile: 'prod', regions: ['eu-west-1'], client: { endpoint: 'http://127.0.0.1:1' } });
    assert.equal(aws.factory.settings.endpoint, 'http://127.0.0.1:1');
    aws.update({ profile: 'prod', regions: ['eu-west-1'], client: { endpoint: 'http://127.0.0.1:1' } });
    assert.deepEqual(changes, [
      { session: false, regions: true },
      { session: true, regions: true },
      { session: true, regions: true },
    ]);
    aws.dispose();
  });
});
