/** Small pieces several rules share: related information, numeric range checks, docs links. */
import type { Node, Range } from '../template/ast';
import type { Candidate } from '../template/resolve';
import { resolve } from '../template/resolve';
import { fromGlobals } from '../template/functions';
import type { FunctionView } from '../template/functions';
import { formatCount } from '../bytes';
import { replaceValueFix } from './edits';
import type { Related, RuleContext, RuleReads } from './types';
import { FUNCTION_TYPES } from '../template/functions';

/** Related information for a candidate: the parameter Default it came from, the function inheriting it. */
export function relatedFor(f: FunctionView | undefined, c: Candidate): Related[] {
  const out: Related[] = c.via.map((range) => ({ range, message: 'The value comes from this Default.' }));
  if (f && fromGlobals(f, c.at)) out.push({ range: f.resource.idRange, message: `Inherited from Globals by ${f.id}.` });
  return out;
}

export interface IntegerBounds {
  readonly min: number;
  readonly max: number;
}

/** Wording of a range check whose bounds are not Lambda's usual ones. */
export interface RangeContext {
  /** Whose range it is, as in "outside <scope> 1..900 s" (default "Lambda's"). */
  readonly scope?: string;
  /** A sentence saying why these bounds apply, appended to the message. */
  readonly because?: string;
  /** Where the reason is written (the trigger that imposes the bound). */
  readonly related?: readonly Related[];
}

/**
 * Reports every known value of `node` that is not an integer within `bounds`, with a clamp fix.
 * The message names the allowed range, and `context` says whose range it is and why it applies.
 */
export function checkIntegerRange(
  ctx: RuleContext,
  f: FunctionView | undefined,
  node: Node | undefined,
  what: string,
  unit: string,
  bounds: IntegerBounds,
  context: RangeContext = {},
): void {
  for (const c of resolve(ctx.template, node)) {
    const raw = c.value;
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    if (Number.isInteger(n) && n >= bounds.min && n <= bounds.max) continue;
    const range = `${bounds.min.toLocaleString('en-US')}..${bounds.max.toLocaleString('en-US')} ${unit}`;
    const message = Number.isNaN(n)
      ? `${what} must be a whole number in ${range}; "${String(raw)}" is not a number.`
      : !Number.isInteger(n)
        ? `${what} must be a whole number in ${range}; ${n} is not whole. Use ${Math.round(n)}.`
        : `${what} ${n} ${unit} is outside ${context.scope ?? "Lambda's"} ${range}. Use ${n < bounds.min ? bounds.min : bounds.max}.`;
    const clamped = Number.isNaN(n) ? undefined : Math.min(bounds.max, Math.max(bounds.min, Math.round(n)));
    const fixes = clamped === undefined ? [] : [replaceValueFix(`Set ${what} to ${clamped}`, c, String(clamped))];
    ctx.report({
      range: c.at,
      message: context.because ? `${message} ${context.because}` : message,
      related: [...relatedFor(f, c), ...(context.related ?? [])],
      fixes,
      ...(f ? (fromGlobals(f, c.at) ? { inheritedBy: f.id } : { resource: f.id }) : {}),
    });
  }
}

/** Formats a count with thousands separators. */
export const fmt = formatCount;

/**
 * Where a finding at `range` belongs: a value written in Globals is reported once, with the
 * inheriting function as related information and no resource (so one function's Metadata ignore
 * does not hide it for the others, only drops that function); an own value belongs to its function.
 */
export function ownerOf(f: FunctionView, range: Range): { related: Related[]; resource?: string; inheritedBy?: string } {
  return fromGlobals(f, range)
    ? { related: [{ range: f.resource.idRange, message: `Inherited from Globals by ${f.id}.` }], inheritedBy: f.id }
    : { related: [], resource: f.id };
}

/**
 * What a rule checking each function reads: the function, and the resources around it that
 * references lead to (its role and policies, triggers and their sources, network, databases).
 */
export const EACH_FUNCTION: RuleReads = { each: FUNCTION_TYPES, types: { '*': '*' } };

/**
 * What a rule checking each resource on its own reads: the resource, and the ones its entry names or
 * that name it (looked up by logical id through references, never iterated).
 */
export const EACH_RESOURCE: RuleReads = { each: '*' };

/** `EACH_FUNCTION` for a rule that also reads validation options. */
export function eachFunction(options: NonNullable<RuleReads['options']>): RuleReads {
  return { ...EACH_FUNCTION, options };
}
