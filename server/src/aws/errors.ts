/**
 * Turns SDK and credential errors into what a user can act on: what happened, why, and what to do,
 * plus an optional command to run (e.g. `aws sso login --profile X`).
 */
import { callFailureOf, type AwsCallFailure } from './failure';
import type { CredentialSource } from './session';

/** The kinds of failure the explorer shows differently. */
export type AwsErrorKind =
  | 'no-credentials'
  | 'sso-expired'
  | 'expired-token'
  | 'invalid-credentials'
  | 'access-denied'
  | 'throttled'
  | 'timeout'
  | 'reset'
  | 'refused'
  | 'network'
  | 'not-implemented'
  | 'bad-response'
  | 'too-large'
  | 'cancelled'
  | 'service'
  | 'other';

/** A follow-up the user can take from the error. */
export interface ErrorAction {
  label: string;
  /** A shell command to run in a terminal, e.g. `aws sso login --profile dev`. */
  shellCommand?: string;
  /** An extension command id to run instead. */
  command?: string;
  /** Arguments of `command`. */
  arguments?: unknown[];
}

/** An error ready to show. */
export interface ClassifiedError {
  kind: AwsErrorKind;
  /** One line: what happened. */
  summary: string;
  /** Why, and what to do. */
  detail: string;
  action: ErrorAction | undefined;
  /** The facts of the failed call, when it got as far as the client middleware. */
  call?: AwsCallFailure;
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  $metadata?: { httpStatusCode?: number };
}

const SSO_HINT = /sso|token.*(expired|invalid|not found)|refresh.*session/i;

const seconds = (ms: number): string => `${+(ms / 1000).toFixed(1)} s`;

/** The IAM action prefix of an SDK client's service (`Lambda` -> `lambda`, `CloudWatchLogs` -> `logs`). */
function iamPrefix(service: string): string {
  return service === 'CloudWatchLogs' ? 'logs' : service.toLowerCase();
}

/** Transport failures, deadlines and answers that are not AWS errors, said for what they are. */
function transportError(f: AwsCallFailure): ClassifiedError | undefined {
  const refresh: ErrorAction = { label: 'Refresh', command: 'lambdaLens.refresh' };
  const op = `${f.operation} in ${f.region}`;
  switch (f.reason) {
    case 'deadline':
    case 'timeout':
      return {
        kind: 'timeout',
        summary: `Timed out: ${op}`,
        detail: `${f.message} ${f.attempts > 1 ? `${f.attempts} attempts in ${seconds(f.elapsedMs)}. ` : ''}Check your network and lambdaLens.endpoint, or raise lambdaLens.requestTimeoutMs, then refresh.`,
        action: refresh,
        call: f,
      };
    case 'reset':
      return { kind: 'reset', summary: `Connection reset: ${op}`, detail: `${f.message} A proxy, VPN or the endpoint closed the connection. Refresh to try again.`, action: refresh, call: f };
    case 'refused':
      return { kind: 'refused', summary: `Connection refused: ${op}`, detail: `${f.message} Check lambdaLens.endpoint (${f.endpoint}) and that the service there is running.`, action: refresh, call: f };
    case 'unreachable':
      return { kind: 'network', summary: `Cannot reach ${f.endpoint}`, detail: `${f.message} Check your network, proxy, or the lambdaLens.endpoint setting, then refresh.`, action: refresh, call: f };
    case 'too-large':
      return { kind: 'too-large', summary: `Answer too large: ${op}`, detail: `${f.message} Lambda never sends answers this large; check lambdaLens.endpoint.`, action: undefined, call: f };
    case 'not-implemented':
      return {
        kind: 'not-implemented',
        summary: f.code.startsWith('HTTP') ? `HTTP ${f.status} from ${f.operation} at ${f.endpoint}` : `${f.operation} is not implemented at ${f.endpoint}`,
        detail: `${f.message} The endpoint does not seem to implement ${f.operation}; everything else keeps working.`,
        action: undefined,
        call: f,
      };
    case 'bad-response':
      return { kind: 'bad-response', summary: `HTTP ${f.status ?? '?'} from ${f.operation} at ${f.endpoint}`, detail: `${f.message} Check lambdaLens.endpoint and any proxy in between, then refresh.`, action: refresh, call: f };
    default:
      return undefined;
  }
}

/** Classifies an error raised by a Lambda call made for `region` with the session's credentials. */
export function classifyAwsError(error: unknown, source: CredentialSource, region?: string): ClassifiedError {
  const classified = classifyOnly(error, source, region);
  const call = callFailureOf(error);
  return call && !classified.call ? { ...classified, call } : classified;
}

function classifyOnly(error: unknown, source: CredentialSource, region?: string): ClassifiedError {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as ErrorLike;
  const name = typeof e.name === 'string' ? e.name : '';
  const message = typeof e.message === 'string' ? e.message : String(error);
  const code = typeof e.code === 'string' ? e.code : '';
  const where = region ? ` in ${region}` : '';
  const profile = source.type === 'profile' ? source.profile : undefined;
  const who = profile ? `profile "${profile.name}"` : 'the environment credentials';

  if (name === 'AbortError' || code === 'ABORT_ERR') {
    return { kind: 'cancelled', summary: 'Cancelled', detail: 'The request was cancelled. Refresh to try again.', action: undefined };
  }
  if (source.type === 'none') {
    return {
      kind: 'no-credentials',
      summary: 'No AWS credentials',
      detail: 'No profile is selected and the environment has no AWS credentials. Select a profile from your AWS config files.',
      action: { label: 'Select profile', command: 'lambdaLens.selectProfile' },
    };
  }
  const failure = callFailureOf(error);
  const transport = failure && transportError(failure);
  if (transport) return transport;
  const service = failure?.service === 'CloudWatchLogs' ? 'CloudWatch Logs' : (failure?.service ?? 'Lambda');
  const credentialError = name === 'CredentialsProviderError' || name === 'TokenProviderError';
  if (profile?.kind === 'sso' && (credentialError || name === 'ExpiredTokenException' || name === 'UnauthorizedException') && SSO_HINT.test(`${name} ${message}`)) {
    return {
      kind: 'sso-expired',
      summary: `SSO session for "${profile.name}" has expired`,
      detail: `The single sign-on token for profile "${profile.name}" is missing or expired (${message}). Sign in again with \`aws sso login --profile ${profile.name}\`, then refresh.`,
      action: { label: 'Sign in with aws sso login', shellCommand: `aws sso login --profile ${profile.name}` },
    };
  }
  if (credentialError) {
    return {
      kind: 'invalid-credentials',
      summary: `Could not load credentials for ${who}`,
      detail: `${message} Check the profile in your AWS config and credentials files, or select another profile.`,
      action: { label: 'Select profile', command: 'lambdaLens.selectProfile' },
    };
  }
  if (name === 'ExpiredTokenException' || name === 'ExpiredToken' || name === 'RequestExpired') {
    return {
      kind: 'expired-token',
      summary: `Credentials of ${who} have expired`,
      detail: `AWS rejected the session token as expired${where}. Renew the credentials (sign in again or refresh the temporary keys), then refresh.`,
      action: profile?.kind === 'sso' ? { label: 'Sign in with aws sso login', shellCommand: `aws sso login --profile ${profile.name}` } : { label: 'Select profile', command: 'lambdaLens.selectProfile' },
    };
  }
  if (name === 'UnrecognizedClientException' || name === 'InvalidSignatureException' || name === 'InvalidClientTokenId' || name === 'SignatureDoesNotMatch') {
    return {
      kind: 'invalid-credentials',
      summary: `AWS rejected the credentials of ${who}`,
      detail: `${message} The access key is unknown or the secret does not match. Fix the keys or select another profile.`,
      action: { label: 'Select profile', command: 'lambdaLens.selectProfile' },
    };
  }
  if (name === 'AccessDeniedException' || name === 'AccessDenied' || e.$metadata?.httpStatusCode === 403) {
    return {
      kind: 'access-denied',
      summary: `Access denied${where}`,
      detail: `${message} Ask for ${failure ? `${iamPrefix(failure.service)}:${failure.operation}` : 'lambda:List*/lambda:Get*'} permission${where}${service === 'Lambda' ? ', or remove this region from lambdaLens.regions' : ''}.`,
      action: { label: 'Select regions', command: 'lambdaLens.selectRegions' },
    };
  }
  if (name === 'TooManyRequestsException' || name === 'ThrottlingException' || e.$metadata?.httpStatusCode === 429) {
    return {
      kind: 'throttled',
      summary: `Throttled by ${service}${where}`,
      detail: `${service} kept rejecting requests as too many, even after retries with backoff (${message}). Wait a moment, then refresh.`,
      action: { label: 'Refresh', command: 'lambdaLens.refresh' },
    };
  }
  if (name === 'TimeoutError' || name === 'RequestTimeout' || code === 'ETIMEDOUT' || /timed? ?out/i.test(message)) {
    return {
      kind: 'timeout',
      summary: `Timed out${where}`,
      detail: `Lambda did not answer in time${where} (${message}). Check your network or raise lambdaLens.requestTimeoutMs, then refresh.`,
      action: { label: 'Refresh', command: 'lambdaLens.refresh' },
    };
  }
  if (['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'EAI_AGAIN', 'EHOSTUNREACH'].includes(code) || /ECONNREFUSED|ENOTFOUND|getaddrinfo/.test(message)) {
    return {
      kind: 'network',
      summary: `Cannot reach Lambda${where}`,
      detail: `${message} Check your network, proxy, or the lambdaLens.endpoint setting, then refresh.`,
      action: { label: 'Refresh', command: 'lambdaLens.refresh' },
    };
  }
  if ((e.$metadata?.httpStatusCode ?? 0) >= 500) {
    return {
      kind: 'service',
      summary: `${service} failed${where}`,
      detail: `${service} answered with a server error after retries (${name}: ${message}). Try again shortly.`,
      action: { label: 'Refresh', command: 'lambdaLens.refresh' },
    };
  }
  return {
    kind: 'other',
    summary: `Request failed${where}`,
    detail: `${name ? `${name}: ` : ''}${message}`,
    action: { label: 'Refresh', command: 'lambdaLens.refresh' },
  };
}
