import assert from 'node:assert/strict';
import path from 'node:path';
import { hasEnvCredentials, listProfiles, parseIni, sharedConfigFiles } from '../../../server/src/aws/sharedConfig';
import { TWO_PROFILES, writeAwsFiles } from '../../support/awsProfiles';

describe('aws/sharedConfig', function () {
  it('honours AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, else ~/.aws', function () {
    assert.deepEqual(sharedConfigFiles({ AWS_CONFIG_FILE: '/x/c', AWS_SHARED_CREDENTIALS_FILE: '/x/k', HOME: '/h' }), { configFile: '/x/c', credentialsFile: '/x/k' });
    assert.deepEqual(sharedConfigFiles({ HOME: '/h' }), { configFile: path.join('/h', '.aws', 'config'), credentialsFile: path.join('/h', '.aws', 'credentials') });
  });

  it('parses sections, skips comments and nested keys', function () {
    const ini = parseIni('# c\n[profile a]\nregion = eu-west-1 \n; x\ns3 =\n  max_concurrent_requests = 5\n[ b ]\nk=v=w\n');
    assert.deepEqual(Object.fromEntries(ini), { 'profile a': { region: 'eu-west-1' }, b: { k: 'v=w' } });
  });

  it('lists profiles from both files with kind and region, default first, without secrets', function () {
    const files = writeAwsFiles(TWO_PROFILES.config, TWO_PROFILES.credentials);
    try {
      const profiles = listProfiles(sharedConfigFiles(files.env));
      assert.deepEqual(
        profiles.map((p) => [p.name, p.kind, p.region]),
        [
          ['default', 'static', 'us-east-1'],
          ['admin', 'role', 'ap-south-1'],
          ['dev', 'static', 'eu-west-1'],
          ['prod', 'static', 'us-west-2'],
          ['sso-dev', 'sso', 'eu-central-1'],
        ],
      );
      assert.equal(profiles[2]?.settings.aws_secret_access_key, undefined);
      assert.equal(profiles[2]?.settings.aws_access_key_id, 'AKIDDEV');
    } finally {
      files.remove();
    }
  });

  it('treats missing files as no profiles', function () {
    assert.deepEqual(listProfiles({ configFile: '/nonexistent/c', credentialsFile: '/nonexistent/k' }), []);
  });

  it('recognises credentials in the environment', function () {
    assert.equal(hasEnvCredentials({ AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b' }), true);
    assert.equal(hasEnvCredentials({ AWS_ACCESS_KEY_ID: 'a' }), false);
    assert.equal(hasEnvCredentials({ AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://127.0.0.1:1/c' }), true);
  });
});
