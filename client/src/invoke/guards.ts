/**
 * Checks made before any Invoke request leaves the machine: the payload is JSON (with the line and
 * column of a mistake), it fits the invocation type's size limit, and functions whose name matches
 * `lambdaLens.invoke.confirmPattern` are confirmed first.
 */
import { formatBytes } from '../../../server/src/bytes';
import { QUOTAS } from '../../../server/src/quotas';

/** The invocation types of the Invoke API. */
export type InvocationType = 'RequestResponse' | 'Event' | 'DryRun';

export const INVOCATION_TYPES: readonly InvocationType[] = ['RequestResponse', 'Event', 'DryRun'];

/** Why a payload cannot be sent. */
export interface PayloadProblem {
  kind: 'json' | 'size';
  /** What happened, why and what to do. */
  message: string;
  /** 1-based position of a JSON mistake. */
  line?: number;
  column?: number;
}

/** The request size limit of an invocation type, bytes (from the quota table). */
export function payloadLimit(type: InvocationType): number {
  // DryRun only checks permissions, but Lambda applies the synchronous request limit to it.
  return type === 'Event' ? QUOTAS.asyncPayloadBytes : QUOTAS.syncPayloadBytes;
}

/** The problem with `text` as a payload for `type`, or undefined when it can be sent. */
export function checkPayload(text: string, type: InvocationType): PayloadProblem | undefined {
  const json = jsonProblem(text);
  if (json) return json;
  const bytes = Buffer.byteLength(text, 'utf8');
  const limit = payloadLimit(type);
  if (bytes > limit) {
    const kind = type === 'Event' ? 'asynchronous (Event)' : 'synchronous';
    return {
      kind: 'size',
      message:
        `The payload is ${formatBytes(bytes)} (${bytes} bytes); Lambda accepts at most ${formatBytes(limit)} (${limit} bytes) for ${kind} invocations. ` +
        `Nothing was sent. Shorten the payload${type === 'Event' ? ', or invoke synchronously (RequestResponse allows ' + formatBytes(QUOTAS.syncPayloadBytes) + ')' : ''}, or pass large data through S3.`,
    };
  }
  return undefined;
}

function jsonProblem(text: string): PayloadProblem | undefined {
  if (text.trim() === '') return undefined;
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(msg);
    const offset = pos ? Number(pos[1]) : text.length;
    const { line, column } = lineColumn(text, offset);
    return {
      kind: 'json',
      line,
      column,
      message: `The payload is not valid JSON at line ${line}, column ${column}: ${msg.replace(/ in JSON at position \d+.*$/, '')}. Nothing was sent. Fix the JSON and invoke again.`,
    };
  }
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.min(offset, text.length));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/** Default for `lambdaLens.invoke.confirmPattern`. */
export const DEFAULT_CONFIRM_PATTERN = 'prod';

/**
 * True when invoking `functionName` must be confirmed: the pattern is a case-insensitive regular
 * expression (a pattern that is not one is matched as plain text); an empty pattern confirms nothing.
 */
export function needsConfirmation(functionName: string, pattern: string): boolean {
  if (pattern.trim() === '') return false;
  try {
    return new RegExp(pattern, 'i').test(functionName);
  } catch {
    return functionName.toLowerCase().includes(pattern.toLowerCase());
  }
}
