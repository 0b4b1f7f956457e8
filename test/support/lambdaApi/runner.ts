/**
 * Hosts a Node.js handler the way the Lambda Node runtime does, in its own process, one invocation
 * at a time: handler string "dir/file.export[.nested]", CommonJS or ESM, async or callback style;
 * console lines as "<iso>\t<requestId>\t<LEVEL>\t<message>"; errors as {errorType, errorMessage, trace}.
 * The process stays warm between invocations, as an execution environment does; module loading is
 * the init phase and is timed for the REPORT line. Output travels over IPC with each result so the
 * parent can attribute it to the right invocation.
 */
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { pathToFileURL } from 'node:url';

interface InvokeMessage {
  event: unknown;
  requestId: string;
  clientContext: unknown;
  deadline: number;
  invokedFunctionArn: string;
}
interface ErrorShape {
  errorType: string;
  errorMessage: string;
  trace: string[];
}
type Handler = (event: unknown, context: unknown, callback?: (err: unknown, value?: unknown) => void) => unknown;

let buffer = '';
let currentId = '';
const capture = (chunk: unknown): boolean => {
  buffer += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
  return true;
};
process.stdout.write = capture as typeof process.stdout.write;
process.stderr.write = capture as typeof process.stderr.write;
const line = (level: string) => (...args: unknown[]): void => {
  capture(`${new Date().toISOString()}\t${currentId}\t${level}\t${util.format(...args)}`.replace(/\n/g, '\r') + '\n');
};
Object.assign(console, { log: line('INFO'), info: line('INFO'), warn: line('WARN'), error: line('ERROR'), debug: line('DEBUG'), trace: line('TRACE') });

const asError = (e: unknown): ErrorShape =>
  e instanceof Error
    ? { errorType: e.name, errorMessage: e.message, trace: String(e.stack ?? '').split('\n') }
    : { errorType: typeof e, errorMessage: String(e), trace: [] };
const named = (name: string, message: string): Error => Object.assign(new Error(message), { name });

let handler: Handler | undefined;
let initMs: number | undefined;
let settled = true;

function send(message: Record<string, unknown>, exitAfter = false): void {
  if (settled) return;
  settled = true;
  const logs = buffer;
  buffer = '';
  const maxRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  process.send?.({ ...message, logs, initMs, maxRssMB }, () => {
    if (exitAfter) process.exit(0);
  });
  initMs = undefined;
}

function fail(err: unknown, exitAfter = false): void {
  const f = asError(err);
  capture(`${new Date().toISOString()}\t${currentId}\tERROR\tInvoke Error \t${JSON.stringify({ errorType: f.errorType, errorMessage: f.errorMessage, stack: f.trace })}\n`);
  send({ error: f }, exitAfter);
}

function succeed(value: unknown): void {
  let json: string;
  try {
    json = JSON.stringify(value === undefined ? null : value);
  } catch (e) {
    fail(e);
    return;
  }
  send({ resultJson: json });
}

async function load(): Promise<Handler> {
  const root = process.env.LAMBDA_TASK_ROOT ?? process.cwd();
  const spec = process.env._HANDLER ?? '';
  const base = path.basename(spec);
  const dot = base.indexOf('.');
  if (dot < 0) throw named('Runtime.MalformedHandlerName', `Bad handler ${spec}`);
  const modName = base.slice(0, dot);
  const prop = base.slice(dot + 1);
  const stem = path.resolve(root, path.dirname(spec), modName);
  const file = ['.js', '.mjs', '.cjs'].map((e) => stem + e).find((f) => fs.existsSync(f));
  if (!file) throw named('Runtime.ImportModuleError', `Error: Cannot find module '${modName}'\nRequire stack:\n- /var/runtime/index.mjs`);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    throw named(e instanceof SyntaxError ? 'Runtime.UserCodeSyntaxError' : 'Runtime.ImportModuleError', `${err.name}: ${err.message}`);
  }
  const lookup = (o: unknown): unknown => prop.split('.').reduce<unknown>((v, k) => (v == null ? v : (v as Record<string, unknown>)[k]), o);
  const found = lookup(mod) ?? lookup(mod.default);
  if (typeof found !== 'function') throw named('Runtime.HandlerNotFound', `${modName}.${prop} is undefined or not exported`);
  return found as Handler;
}

process.on('uncaughtException', (e) => fail(e, true));
process.on('unhandledRejection', (e) => fail(e, true));

process.on('message', (raw) => {
  const m = raw as InvokeMessage;
  currentId = m.requestId;
  settled = false;
  void (async () => {
    if (!handler) {
      const started = performance.now();
      try {
        handler = await load();
      } catch (e) {
        initMs = performance.now() - started;
        fail(e, true);
        return;
      }
      initMs = performance.now() - started;
    }
    const context = {
      callbackWaitsForEmptyEventLoop: true,
      functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
      functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
      invokedFunctionArn: m.invokedFunctionArn,
      memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
      awsRequestId: m.requestId,
      logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
      logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
      clientContext: m.clientContext,
      identity: undefined,
      getRemainingTimeInMillis: () => Math.max(0, m.deadline - Date.now()),
    };
    const h = handler;
    try {
      if (h.length >= 3) {
        const r = h(m.event, context, (err, value) => (err ? fail(err) : succeed(value)));
        if (r && typeof (r as Promise<unknown>).then === 'function') succeed(await r);
      } else {
        succeed(await h(m.event, context));
      }
    } catch (e) {
      fail(e);
    }
  })();
});
