/**
 * Runs invocations of stored functions in child Node processes, keeping each environment warm
 * after its first invocation as Lambda does, and writes the START / END / REPORT log lines
 * (with `Init Duration` on a cold start only).
 */
import { fork, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';

/** What the executor needs to know about the function being invoked. */
export interface InvokeTarget {
  functionName: string;
  functionArn: string;
  version: string;
  handler: string;
  memorySize: number;
  timeoutSeconds: number;
  codeDir: string;
  region: string;
  environment: Record<string, string>;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/** The outcome of one invocation, with its full log. */
export interface InvokeOutcome {
  resultJson?: string;
  error?: { errorType: string; errorMessage: string; trace?: string[] };
  logs: string;
  coldStart: boolean;
}

interface RunnerReply {
  resultJson?: string;
  error?: { errorType: string; errorMessage: string; trace?: string[] };
  logs?: string;
  initMs?: number;
  maxRssMB?: number;
}

/** Starts warm-capable handler processes; `close()` ends every one of them. */
export class Executor {
  private readonly idle = new Map<string, ChildProcess[]>();
  private readonly live = new Set<ChildProcess>();
  private readonly runnerFile: string;

  constructor(workDir: string) {
    // The runner is TypeScript; it is turned into plain JavaScript once so each cold start is a bare `node`.
    const source = fs.readFileSync(path.join(__dirname, 'runner.ts'), 'utf8');
    this.runnerFile = path.join(workDir, 'runner.mjs');
    fs.writeFileSync(this.runnerFile, transformSync(source, { loader: 'ts', format: 'esm', target: 'node20' }).code);
  }

  /** Runs one invocation; never rejects (failures become Lambda-shaped errors). */
  run(target: InvokeTarget, event: unknown, clientContext: unknown): Promise<InvokeOutcome> {
    const key = `${target.functionArn}#${target.version}`;
    const pool = this.idle.get(key) ?? [];
    const warm = pool.pop();
    const child = warm ?? this.spawn(target);
    const requestId = crypto.randomUUID();
    const started = process.hrtime.bigint();
    return new Promise((resolve) => {
      let stray = '';
      const onData = (d: Buffer): void => {
        stray += d.toString('utf8');
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      const finish = (reply: RunnerReply, keep: boolean): void => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        if (keep) this.idle.set(key, [...(this.idle.get(key) ?? []), child]);
        else this.kill(child);
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const init = reply.initMs === undefined ? '' : `Init Duration: ${reply.initMs.toFixed(2)} ms\t`;
        const logs =
          `START RequestId: ${requestId} Version: ${target.version}\n${stray}${reply.logs ?? ''}END RequestId: ${requestId}\n` +
          `REPORT RequestId: ${requestId}\tDuration: ${ms.toFixed(2)} ms\tBilled Duration: ${Math.ceil(ms)} ms\t` +
          `Memory Size: ${target.memorySize} MB\tMax Memory Used: ${reply.maxRssMB ?? 0} MB\t${init}\n`;
        resolve({
          ...(reply.resultJson !== undefined ? { resultJson: reply.resultJson } : {}),
          ...(reply.error ? { error: reply.error } : {}),
          logs,
          coldStart: !warm,
        });
      };
      const onMessage = (m: unknown): void => finish(m as RunnerReply, true);
      const onExit = (code: number | null, signal: string | null): void =>
        finish(
          {
            error: {
              errorType: 'Runtime.ExitError',
              errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: ${signal ? `signal: ${signal}` : `exit status ${code}`}`,
            },
          },
          false,
        );
      const timeoutText = `Task timed out after ${target.timeoutSeconds.toFixed(2)} seconds`;
      const timer = setTimeout(
        () =>
          finish(
            {
              error: { errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${requestId} Error: ${timeoutText}` },
              logs: `${new Date().toISOString()} ${requestId} ${timeoutText}\n`,
            },
            false,
          ),
        target.timeoutSeconds * 1000,
      );
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send({ event, requestId, clientContext, deadline: Date.now() + target.timeoutSeconds * 1000, invokedFunctionArn: target.functionArn });
    });
  }

  /** Ends every handler process. */
  close(): void {
    for (const c of this.live) this.kill(c);
    this.idle.clear();
  }

  private spawn(target: InvokeTarget): ChildProcess {
    const day = new Date().toISOString().slice(0, 10).replace(/-/g, '/');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      LAMBDA_TASK_ROOT: target.codeDir,
      _HANDLER: target.handler,
      AWS_REGION: target.region,
      AWS_DEFAULT_REGION: target.region,
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x',
      AWS_LAMBDA_FUNCTION_NAME: target.functionName,
      AWS_LAMBDA_FUNCTION_VERSION: target.version,
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(target.memorySize),
      AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${target.functionName}`,
      AWS_LAMBDA_LOG_STREAM_NAME: `${day}/[${target.version}]${crypto.randomBytes(16).toString('hex')}`,
      AWS_ACCESS_KEY_ID: target.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: target.credentials.secretAccessKey,
      TZ: ':UTC',
      ...target.environment,
    };
    const child = fork(this.runnerFile, [], { cwd: target.codeDir, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], execArgv: [] });
    this.live.add(child);
    child.once('exit', () => {
      this.live.delete(child);
      for (const [k, pool] of this.idle) this.idle.set(k, pool.filter((c) => c !== child));
    });
    return child;
  }

  private kill(child: ChildProcess): void {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}
