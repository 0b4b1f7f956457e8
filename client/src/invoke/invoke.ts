/**
 * The Invoke call and what the invoke flow lists before it (qualifiers). Guards run first: a payload
 * that is not JSON or too large for its invocation type is refused before any request is made.
 */
import { InvokeCommand } from '@aws-sdk/client-lambda';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { listAliases, listVersions } from '../../../server/src/aws/lambdaApi';
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
  executedVersion: string | undefined;
  /** Wall time of the call as seen from here, ms. */
  elapsedMs: number;
}

/** A payload refused before sending. */
export class PayloadRejected extends Error {
  constructor(readonly problem: PayloadProblem) {
    super(problem.message);
  }
}

/** Invokes a function; throws PayloadRejected (nothing sent) or the SDK's error. */
export async function invokeFunction(client: LambdaClient, req: InvokeRequest, signal?: AbortSignal): Promise<InvokeOutcome> {
  const problem = checkPayload(req.payload, req.invocationType);
  if (problem) throw new PayloadRejected(problem);
  const qualifier = req.qualifier && req.qualifier !== '$LATEST' ? req.qualifier : undefined;
  const started = performance.now();
  const out = await client.send(
    new InvokeCommand({
      FunctionName: req.functionName,
      Qualifier: qualifier,
      InvocationType: req.invocationType,
      LogType: req.invocationType === 'RequestResponse' ? 'Tail' : 'None',
      Payload: req.payload.trim() === '' ? undefined : Buffer.from(req.payload, 'utf8'),
    }),
    { abortSignal: signal },
  );
  const elapsedMs = performance.now() - started;
  const payload = out.Payload ? Buffer.from(out.Payload).toString('utf8') : '';
  const log = decodeLogResult(out.LogResult);
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
    report: parseReport(log),
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
