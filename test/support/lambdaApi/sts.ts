/**
 * STS AssumeRole (query protocol, XML answer) on the same loopback endpoint, as LocalStack serves
 * every service on one port: lets tests prove that role profiles assume the role with the source
 * profile's keys and then sign Lambda calls with the temporary ones.
 */
import crypto from 'node:crypto';
import { ApiError } from './apiError';
import type { ServerCredential } from './sigv4';

/** A role assumption the server granted. */
export interface AssumedRole {
  roleArn: string;
  sessionName: string;
  /** The key that signed the AssumeRole call. */
  sourceAccessKeyId: string;
  credentials: ServerCredential & { sessionToken: string };
}

const xmlEscape = (s: string): string => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** True for a request that goes to STS rather than Lambda. */
export function isStsRequest(method: string, pathname: string, contentType: string | undefined): boolean {
  return method === 'POST' && pathname === '/' && (contentType ?? '').startsWith('application/x-www-form-urlencoded');
}

/** Answers AssumeRole: issues temporary keys (added to `accepted`) and records the grant. */
export function assumeRole(body: Buffer, signer: string, accountId: string, accepted: ServerCredential[], grants: AssumedRole[]): string {
  const form = new URLSearchParams(body.toString('utf8'));
  if (form.get('Action') !== 'AssumeRole') throw new ApiError(400, 'InvalidAction', `Could not find operation ${form.get('Action')} for version ${form.get('Version')}`);
  const roleArn = form.get('RoleArn') ?? '';
  const sessionName = form.get('RoleSessionName') ?? '';
  if (!/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/.test(roleArn)) throw new ApiError(400, 'ValidationError', `${roleArn} is invalid`);
  const credentials = {
    accessKeyId: `ASIA${crypto.randomBytes(8).toString('hex').toUpperCase()}`,
    secretAccessKey: crypto.randomBytes(20).toString('base64'),
    sessionToken: crypto.randomBytes(32).toString('base64'),
  };
  accepted.push(credentials);
  grants.push({ roleArn, sessionName, sourceAccessKeyId: signer, credentials });
  const seconds = Number(form.get('DurationSeconds') ?? 3600) || 3600;
  const roleName = roleArn.split('/').pop() ?? 'role';
  return `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <Credentials>
      <AccessKeyId>${credentials.accessKeyId}</AccessKeyId>
      <SecretAccessKey>${xmlEscape(credentials.secretAccessKey)}</SecretAccessKey>
      <SessionToken>${xmlEscape(credentials.sessionToken)}</SessionToken>
      <Expiration>${new Date(Date.now() + seconds * 1000).toISOString()}</Expiration>
    </Credentials>
    <AssumedRoleUser>
      <Arn>arn:aws:sts::${accountId}:assumed-role/${xmlEscape(roleName)}/${xmlEscape(sessionName)}</Arn>
      <AssumedRoleId>AROA${crypto.randomBytes(8).toString('hex').toUpperCase()}:${xmlEscape(sessionName)}</AssumedRoleId>
    </AssumedRoleUser>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>${crypto.randomUUID()}</RequestId></ResponseMetadata>
</AssumeRoleResponse>`;
}
