/** Temporary AWS shared config/credentials files for tests, pointed at by an env object. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A temp directory holding `config` and `credentials`, and the env that points at them. */
export interface TempAwsFiles {
  dir: string;
  env: Record<string, string | undefined>;
  remove(): void;
}

/** Writes the two files and returns an env with only AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE / HOME set. */
export function writeAwsFiles(config: string, credentials: string): TempAwsFiles {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-files-'));
  fs.writeFileSync(path.join(dir, 'config'), config);
  fs.writeFileSync(path.join(dir, 'credentials'), credentials);
  return {
    dir,
    env: { AWS_CONFIG_FILE: path.join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'), HOME: dir },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** Two static-key profiles and one SSO profile with no cached token. */
export const TWO_PROFILES = {
  config: `[default]
region = us-east-1

[profile dev]
region = eu-west-1

[profile prod]
region = us-west-2

[profile sso-dev]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = Dev
region = eu-central-1

[profile admin]
role_arn = arn:aws:iam::123456789012:role/Admin
role_session_name = lens-test
source_profile = dev
region = ap-south-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1
`,
  credentials: `[default]
aws_access_key_id = AKIDDEFAULT
aws_secret_access_key = default-secret

[dev]
aws_access_key_id = AKIDDEV
aws_secret_access_key = dev-secret

[prod]
aws_access_key_id = AKIDPROD
aws_secret_access_key = prod-secret
aws_session_token = prod-token
`,
  serverKeys: [
    { accessKeyId: 'AKIDDEFAULT', secretAccessKey: 'default-secret' },
    { accessKeyId: 'AKIDDEV', secretAccessKey: 'dev-secret' },
    { accessKeyId: 'AKIDPROD', secretAccessKey: 'prod-secret' },
  ],
};
