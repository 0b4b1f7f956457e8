/**
 * moto_server on loopback for the compatibility tiers: started on a free port, Lambda's Docker
 * runner turned off through /moto-api/config when the tier invokes (Invoke then echoes the
 * payload), the execution role its functions need created, and stopped at the end. Tiers skip cleanly when it is not installed.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { freePort } from './ports';

/** Credentials moto accepts (it checks no signature) in an environment without config files. */
export const MOTO_ENV = { AWS_ACCESS_KEY_ID: 'moto', AWS_SECRET_ACCESS_KEY: 'moto', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' };
/** The role {@link startMoto} creates for functions. */
export const MOTO_ROLE = 'arn:aws:iam::123456789012:role/lambda-role';

/** True when `moto_server` runs on this machine. */
export const hasMoto = (): boolean => spawnSync('moto_server', ['--help'], { stdio: 'ignore' }).status === 0;

/** A running moto_server. */
export interface Moto {
  endpoint: string;
  stop(): Promise<void>;
}

/** moto does not check signatures: a form POST with an IAM credential scope reaches its IAM. */
async function createRole(endpoint: string): Promise<void> {
  const body = new URLSearchParams({
    Action: 'CreateRole',
    Version: '2010-05-08',
    RoleName: 'lambda-role',
    AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
  });
  const res = await fetch(`${endpoint}/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'AWS4-HMAC-SHA256 Credential=moto/20240101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0' },
    body,
  });
  assert.equal(res.status, 200, await res.text());
}

/**
 * Starts moto_server, waits until it answers, creates {@link MOTO_ROLE} and, for `invoke`, turns
 * Lambda's Docker runner off. A tier that creates stacks leaves it on: with it off, moto 5.2's
 * server loses the functions CloudFormation creates (ListFunctions answers none of them).
 */
export async function startMoto(opts: { invoke: boolean } = { invoke: true }): Promise<Moto> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.pid === undefined) return;
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  };
  try {
    const until = Date.now() + 60_000;
    for (;;) {
      const up = await fetch(`${endpoint}/moto-api/`).then((r) => r.ok, () => false);
      if (up) break;
      if (Date.now() > until) throw new Error('moto_server did not answer within 60 s');
      await new Promise((r) => setTimeout(r, 200));
    }
    if (opts.invoke) {
      const config = await fetch(`${endpoint}/moto-api/config`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ batch: { use_docker: false }, lambda: { use_docker: false } }) });
      assert.ok(config.ok, `moto's /moto-api/config answered ${config.status}`);
    }
    await createRole(endpoint);
  } catch (e) {
    await stop();
    throw e;
  }
  return { endpoint, stop };
}
