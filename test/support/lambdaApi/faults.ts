/** Fault injection for the loopback Lambda API, scoped by region, function and operation. */
import { ApiError } from './apiError';

/** What a fault does to a matching request. */
export type FaultKind = 'throttle' | 'server-error' | 'slow' | 'expired-token' | 'access-denied' | WireFaultKind;

/**
 * Faults below the AWS protocol, played on the socket: headers then silence (`stall-body`), a reset
 * after part of the answer (`reset`), a body of `bytes` bytes streamed (`huge-body`), an HTML error
 * page with `status` (`html`), and list answers whose NextMarker repeats or cycles between two values.
 */
export type WireFaultKind = 'stall-body' | 'reset' | 'huge-body' | 'html' | 'repeat-marker' | 'cycle-marker';

const WIRE: ReadonlySet<string> = new Set<WireFaultKind>(['stall-body', 'reset', 'huge-body', 'html', 'repeat-marker', 'cycle-marker']);

/** One rule; unset scope fields match everything. */
export interface Fault {
  kind: FaultKind;
  /** The signing name of the service: `lambda`, `logs` or `cloudformation`. */
  service?: string;
  region?: string;
  functionName?: string;
  operation?: string;
  /** How many matching requests it applies to; every one when unset. */
  times?: number;
  /** For `slow`: how long to hold the response. */
  delayMs?: number;
  /** For `throttle`: the Retry-After header, seconds. */
  retryAfterSeconds?: number;
  /** For `huge-body`: how many bytes to stream. */
  bytes?: number;
  /** For `html`: the HTTP status. */
  status?: number;
}

/** The request a fault is matched against. */
export interface FaultScope {
  service: string;
  region: string;
  functionName: string | undefined;
  operation: string;
  accessKeyId: string;
  accountId: string;
}

/** The outcome of applying faults: a delay to wait and/or an error to answer with, or a wire fault to play. */
export interface FaultEffect {
  delayMs: number;
  error: ApiError | undefined;
  wire: Fault | undefined;
}

/** The rules a test has set; the first matching error rule wins, delays add up. */
export class Faults {
  private rules: Array<Fault & { left: number }> = [];

  /** Adds a rule; returns a function that removes it. */
  add(fault: Fault): () => void {
    const rule = { ...fault, left: fault.times ?? Number.POSITIVE_INFINITY };
    this.rules.push(rule);
    return () => {
      this.rules = this.rules.filter((r) => r !== rule);
    };
  }

  /** Removes every rule. */
  clear(): void {
    this.rules = [];
  }

  /** Works out (and counts down) what the matching rules do to this request. */
  apply(scope: FaultScope): FaultEffect {
    const effect: FaultEffect = { delayMs: 0, error: undefined, wire: undefined };
    for (const r of this.rules) {
      if (r.left <= 0) continue;
      if (r.service !== undefined && r.service !== scope.service) continue;
      if (r.region !== undefined && r.region !== scope.region) continue;
      if (r.functionName !== undefined && r.functionName !== scope.functionName) continue;
      if (r.operation !== undefined && r.operation !== scope.operation) continue;
      if (r.kind === 'slow') {
        r.left--;
        effect.delayMs += r.delayMs ?? 1000;
        continue;
      }
      if (effect.error || effect.wire) continue;
      r.left--;
      if (WIRE.has(r.kind)) {
        effect.wire = r;
        continue;
      }
      effect.error = errorFor(r, scope);
    }
    return effect;
  }
}

function errorFor(r: Fault, s: FaultScope): ApiError {
  switch (r.kind) {
    case 'throttle':
      // The query protocol's services (CloudFormation) say it with a 400 and the code Throttling.
      if (s.service === 'cloudformation') return new ApiError(400, 'Throttling', 'Rate exceeded');
      return new ApiError(
        429,
        'TooManyRequestsException',
        'Rate exceeded',
        { Type: 'User', Reason: 'CallerRateLimitExceeded' },
        { 'Retry-After': String(r.retryAfterSeconds ?? 1) },
      );
    case 'server-error':
      return new ApiError(500, 'ServiceException', 'An internal error occurred. Try again.', { Type: 'Service' });
    case 'expired-token':
      return new ApiError(403, 'ExpiredTokenException', 'The security token included in the request is expired');
    case 'access-denied': {
      if (s.service === 'cloudformation') {
        return new ApiError(
          403,
          'AccessDenied',
          `User: arn:aws:iam::${s.accountId}:user/${s.accessKeyId} is not authorized to perform: cloudformation:${s.operation} on resource: arn:aws:cloudformation:${s.region}:${s.accountId}:stack/*/* because no identity-based policy allows the cloudformation:${s.operation} action`,
        );
      }
      const resource = `arn:aws:lambda:${s.region}:${s.accountId}:function:${s.functionName ?? '*'}`;
      return new ApiError(
        403,
        'AccessDeniedException',
        `User: arn:aws:iam::${s.accountId}:user/${s.accessKeyId} is not authorized to perform: lambda:${s.operation} on resource: ${resource} because no identity-based policy allows the lambda:${s.operation} action`,
      );
    }
    default:
      return new ApiError(500, 'ServiceException', `${r.kind} is not an API error`);
  }
}
