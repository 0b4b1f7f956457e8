/**
 * The Invoke call and what the invoke flow lists before it (qualifiers). Guards run first: a payload
 * that is not JSON or too large for its invocation type is refused before any request is made.
 */
import { InvokeCommand } from '@aws-sdk/client-lambda';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { withLimits } from '../../../server/src/aws/callScope';
import { getRunSettings, listAliases, listVersions } from '../../../server/src/aws/lambdaApi';
import { checkPayload } from './guards';
import type { InvocationType, PayloadProblem } from './guards';
import { decodeLogResult, parseReport } from './logs';
import type { Report } from './logs';

/** One invocation to make. */
export interface InvokeRequest {
  functionName: string;
  /** `$LATEST`, a version number or an alias; omitted means `$LATEST`. */
  qualifier?: string;
  payload: string;
  invocationType: InvocationType;
}

/** What came back. */
export interface InvokeOutcome {
  functionName: string;
  qualifier: string;
  invocationType: InvocationType;
  /** 200 (RequestResponse), 202 (Event) or 204 (DryRun). */
  statusCode: number;
  /** `Unhandled` or `Handled` when the function failed. */
  functionError: string | undefined;
  /** errorType / errorMessage of a failed invocation's payload. */
  errorType: string | undefined;
  errorMessage: string | undefined;
  /** The response payload as text (empty for Event and DryRun). */
  payload: string;
  /** The decoded log tail (RequestResponse only). */
  log: string;
  report: Report | undefined;
  /** The invocation's request id (from the REPORT line, else the response), to find its log lines. */
  requestId: string | undefined;
  executedVersion: string | undefined;
  /** Wall time of the call as seen from here, ms. */
  elapsedMs: number;
}

/** How long past the function's own Timeout a RequestResponse invoke waits for its answer. */
export const INVOKE_MARGIN_MS = 10_000;

/** What an invoke waits for: the function's Timeout when known (else it is asked of the API). */
export interface InvokeWait {
  timeoutSec?: number | undefined;
  marginMs?: number;
}

/** A payload refused before sending. */
export class PayloadRejected extends Error {
  constructor(readonly problem: PayloadProblem) {
    super(problem.message);
  }
}

/**
 * Invokes a function at most once; throws PayloadRejected (nothing sent) or the SDK's error. A
 * RequestResponse call waits for the function's Timeout plus a margin, not the list timeout, and is
 * sent again only when it provably did not run (throttled, or the connection was refused).
 */
export async function invokeFunction(client: LambdaClient, req: InvokeRequest, signal?: AbortSignal, wait: InvokeWait = {}): Promise<InvokeOutcome> {
  const problem = checkPayload(req.payload, req.invocationType);
  if (problem) throw new PayloadRejected(problem);
  const qualifier = req.qualifier && req.qualifier !== '$LATEST' ? req.qualifier : undefined;
  let waitMs: number | undefined;
  if (req.invocationType === 'RequestResponse') {
    const timeoutSec = wait.timeoutSec ?? (await getRunSettings(client, req.functionName, qualifier, signal)).timeoutSec;
    waitMs = timeoutSec * 1000 + (wait.marginMs ?? INVOKE_MARGIN_MS);
  }
  const started = performance.now();
  // Throttling retries fit in the second half of the deadline; a timed-out attempt is never resent.
  const limits = waitMs === undefined ? { retry: 'at-most-once' as const } : { retry: 'at-most-once' as const, attemptTimeoutMs: waitMs, deadlineMs: 2 * waitMs };
  const out = await withLimits(limits, () => client.send(
    new InvokeCommand({
      FunctionName: req.functionName,
      Qualifier: qualifier,
      InvocationType: req.invocationType,
      LogType: req.invocationType === 'RequestResponse' ? 'Tail' : 'None',
      Payload: req.payload.trim() === '' ? undefined : Buffer.from(req.payload, 'utf8'),
    }),
    { abortSignal: signal },
  ));
  const elapsedMs = performance.now() - started;
  const payload = out.Payload ? Buffer.from(out.Payload).toString('utf8') : '';
  const log = decodeLogResult(out.LogResult);
  const report = parseReport(log);
  const error = out.FunctionError ? errorFields(payload) : { type: undefined, message: undefined };
  return {
    functionName: req.functionName,
    qualifier: req.qualifier ?? '$LATEST',
    invocationType: req.invocationType,
    statusCode: out.StatusCode ?? 0,
    functionError: out.FunctionError,
    errorType: error.type,
    errorMessage: error.message,
    payload,
    log,
    report,
    requestId: report?.requestId ?? out.$metadata.requestId,
    executedVersion: out.ExecutedVersion,
    elapsedMs,
  };
}

function errorFields(payload: string): { type: string | undefined; message: string | undefined } {
  try {
    const p = JSON.parse(payload) as { errorType?: unknown; errorMessage?: unknown };
    return {
      type: typeof p.errorType === 'string' ? p.errorType : undefined,
      message: typeof p.errorMessage === 'string' ? p.errorMessage : undefined,
    };
  } catch {
    return { type: undefined, message: payload || undefined };
  }
}

/** A qualifier to offer: `$LATEST`, an alias (with its version) or a published version. */
export interface QualifierChoice {
  qualifier: string;
  kind: 'latest' | 'alias' | 'version';
  detail: string;
}

/** `$LATEST`, then aliases, then published versions (newest first). */
export async function listQualifiers(client: LambdaClient, functionName: string, signal?: AbortSignal): Promise<QualifierChoice[]> {
  const [aliases, versions] = await Promise.all([listAliases(client, functionName, signal), listVersions(client, functionName, signal)]);
  const out: QualifierChoice[] = [{ qualifier: '$LATEST', kind: 'latest', detail: 'unpublished code and configuration' }];
  for (const a of aliases.items) out.push({ qualifier: a.name, kind: 'alias', detail: `alias → version ${a.version}${a.description ? ` · ${a.description}` : ''}` });
  const published = versions.items.filter((v) => v.version !== '$LATEST').sort((a, b) => Number(b.version) - Number(a.version));
  for (const v of published) out.push({ qualifier: v.version, kind: 'version', detail: `version ${v.version}${v.description ? ` · ${v.description}` : ''}` });
  return out;
}
