import assert from 'node:assert/strict';
import { ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { createClientFactory } from '../../../server/src/aws/clientFactory';
import { classifyAwsError } from '../../../server/src/aws/errors';
import { createSession } from '../../../server/src/aws/session';
import { startLambdaApi, type LambdaApi } from '../../support/lambdaApi';
import { TWO_PROFILES, writeAwsFiles, type TempAwsFiles } from '../../support/awsProfiles';

describe('aws/session with the loopback Lambda API', function () {
  let api: LambdaApi;
  let files: TempAwsFiles;
  before(async function () {
    api = await startLambdaApi({ credentials: TWO_PROFILES.serverKeys });
    files = writeAwsFiles(TWO_PROFILES.config, TWO_PROFILES.credentials);
  });
  after(async function () {
    await api.close();
    files.remove();
  });

  const listAs = async (profile: string | undefined, env: Record<string, string | undefined>, region?: string) => {
    const session = createSession({ profile, env });
    const factory = createClientFactory(session, { endpoint: api.endpoint, maxAttempts: 1 });
    try {
      await factory.createLambdaClient(region ?? session.defaultRegion).send(new ListFunctionsCommand({}));
      return { session, request: api.requests.at(-1) };
    } finally {
      factory.dispose();
    }
  };

  it('signs with the key of the chosen profile, in its region', async function () {
    const dev = await listAs('dev', files.env);
    assert.equal(dev.request?.accessKeyId, 'AKIDDEV');
    assert.equal(dev.request?.region, 'eu-west-1');
    const prod = await listAs('prod', files.env);
    assert.equal(prod.request?.accessKeyId, 'AKIDPROD');
    assert.equal(prod.request?.sessionToken, 'prod-token');
    assert.equal(prod.request?.region, 'us-west-2');
    assert.equal(prod.session.label, 'prod');
  });

  it('assumes the role of a role profile with the source profile\'s keys, then signs with the temporary ones', async function () {
    const session = createSession({ profile: 'admin', env: files.env, stsEndpoint: api.endpoint });
    assert.equal(session.source.type === 'profile' && session.source.profile.kind, 'role');
    const factory = createClientFactory(session, { endpoint: api.endpoint, maxAttempts: 1 });
    try {
      await factory.createLambdaClient(session.defaultRegion).send(new ListFunctionsCommand({}));
    } finally {
      factory.dispose();
    }
    const grant = api.assumedRoles.at(-1);
    assert.equal(grant?.roleArn, 'arn:aws:iam::123456789012:role/Admin');
    assert.equal(grant?.sessionName, 'lens-test');
    assert.equal(grant?.sourceAccessKeyId, 'AKIDDEV');
    const list = api.requests.at(-1);
    assert.equal(list?.operation, 'ListFunctions');
    assert.equal(list?.region, 'ap-south-1');
    assert.equal(list?.accessKeyId, grant?.credentials.accessKeyId);
    assert.equal(list?.sessionToken, grant?.credentials.sessionToken);
  });

  it('falls back to AWS_PROFILE, then environment keys, then the default profile', async function () {
    assert.equal((await listAs(undefined, { ...files.env, AWS_PROFILE: 'dev' })).request?.accessKeyId, 'AKIDDEV');
    const envKeys = await listAs(undefined, { ...files.env, AWS_ACCESS_KEY_ID: 'AKIDPROD', AWS_SECRET_ACCESS_KEY: 'prod-secret', AWS_REGION: 'ap-south-1' });
    assert.equal(envKeys.session.source.type, 'environment');
    assert.equal(envKeys.session.defaultRegion, 'ap-south-1');
    assert.equal((await listAs(undefined, files.env)).request?.accessKeyId, 'AKIDDEFAULT');
  });

  it('has no credentials when nothing names any, and says to select a profile', async function () {
    const empty = writeAwsFiles('', '');
    try {
      const session = createSession({ env: empty.env });
      assert.equal(session.source.type, 'none');
      const error = await session.credentials().then(
        () => assert.fail('expected no credentials'),
        (e: unknown) => e,
      );
      const c = classifyAwsError(error, session.source);
      assert.equal(c.kind, 'no-credentials');
      assert.equal(c.action?.command, 'lambdaLens.selectProfile');
    } finally {
      empty.remove();
    }
  });

  it('reports an SSO profile without a valid token as an expired SSO session with the login command', async function () {
    const session = createSession({ profile: 'sso-dev', env: files.env });
    const factory = createClientFactory(session, { endpoint: api.endpoint, maxAttempts: 1 });
    const error = await factory.createLambdaClient('eu-central-1').send(new ListFunctionsCommand({})).then(
      () => assert.fail('expected the SSO token lookup to fail'),
      (e: unknown) => e,
    );
    const c = classifyAwsError(error, session.source, 'eu-central-1');
    assert.equal(c.kind, 'sso-expired', `${(error as Error).name}: ${(error as Error).message}`);
    assert.equal(c.action?.shellCommand, 'aws sso login --profile sso-dev');
    factory.dispose();
  });

  it('shares one credential resolution across regions', async function () {
    const session = createSession({ profile: 'dev', env: files.env });
    const [a, b] = await Promise.all([session.credentials(), session.credentials()]);
    assert.equal(a, b);
  });
});
