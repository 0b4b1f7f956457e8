/**
 * Errors from Invoke, said for invoking: a missing function or qualifier, throttling by concurrency,
 * missing lambda:InvokeFunction permission, expired credentials, refused payloads.
 */
import { classifyAwsError } from '../../../server/src/aws/errors';
import { callFailureOf } from '../../../server/src/aws/failure';
import type { ClassifiedError } from '../../../server/src/aws/errors';
import type { CredentialSource } from '../../../server/src/aws/session';

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: number };
}

/** What to show for an Invoke that failed before the function ran. */
export function explainInvokeError(error: unknown, source: CredentialSource, region: string, functionName: string, qualifier: string): ClassifiedError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const name = typeof e.name === 'string' ? e.name : '';
  const message = typeof e.message === 'string' ? e.message : String(error);
  const target = `${functionName}${qualifier !== '$LATEST' ? `:${qualifier}` : ''}`;
  const call = callFailureOf(error);
  if (call?.operation === 'Invoke' && (call.reason === 'timeout' || call.reason === 'deadline')) {
    const waited = Math.round(call.elapsedMs / 1000);
    return {
      kind: 'timeout',
      summary: `${target}: no answer in ${waited} s; the function may still be running`,
      detail: `Lambda Lens waited for the function's Timeout plus a margin and did not send the request again, so it ran at most once. Check its logs for how it ended, then invoke again.`,
      action: undefined,
      call,
    };
  }
  if (call?.operation === 'Invoke' && call.reason === 'reset') {
    return {
      kind: 'reset',
      summary: `${target}: the connection was reset while waiting for the answer`,
      detail: `${call.message} The function may have run; it was not sent again. Check its logs, then invoke again.`,
      action: undefined,
      call,
    };
  }
  if (name === 'ResourceNotFoundException') {
    return {
      kind: 'other',
      summary: `Function ${target} not found in ${region}`,
      detail: `Lambda has no function ${target} in ${region} (${message}). Check the name, the qualifier (alias or version) and the region, or refresh the explorer if it was deleted.`,
      action: { label: 'Refresh', command: 'lambdaLens.refresh' },
    };
  }
  if (name === 'TooManyRequestsException' || e.$metadata?.httpStatusCode === 429) {
    return {
      kind: 'throttled',
      summary: `Invocation of ${target} was throttled`,
      detail: `Lambda refused the invocation as too many (${message}): the function's reserved concurrency or the account's concurrency in ${region} is used up, even after retries. Wait and invoke again, or raise the reserved concurrency.`,
      action: undefined,
    };
  }
  if (name === 'AccessDeniedException' || (e.$metadata?.httpStatusCode === 403 && /not authorized/i.test(message))) {
    return {
      kind: 'access-denied',
      summary: `Not allowed to invoke ${target}`,
      detail: `${message} Ask for lambda:InvokeFunction on this function in ${region}, or select a profile that has it.`,
      action: { label: 'Select profile', command: 'lambdaLens.selectProfile' },
    };
  }
  if (name === 'RequestTooLargeException') {
    return { kind: 'other', summary: 'Payload too large', detail: `${message} Shorten the payload or pass large data through S3.`, action: undefined };
  }
  if (name === 'InvalidRequestContentException') {
    return { kind: 'other', summary: 'Lambda rejected the payload', detail: `${message} The payload must be a JSON document.`, action: undefined };
  }
  if (name === 'ResourceConflictException' || name === 'ResourceNotReadyException') {
    return { kind: 'other', summary: `${target} is not ready`, detail: `${message} The function is being created or updated. Wait a few seconds and invoke again.`, action: undefined };
  }
  return classifyAwsError(error, source, region);
}
