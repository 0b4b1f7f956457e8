/**
 * What a trigger reads from: the template resource a `Queue:` / `EventSourceArn:` / `Bucket:` value
 * names (through Ref, GetAtt or Sub), or the literal ARN written there.
 */
import { isArn } from '../arn';
import type { Node, Range } from './ast';
import type { Template } from './model';
import { refTarget, resolveOne } from './resolve';
import { readSub, refKind } from './sub';

/** The template-defined resource a trigger reads from (bucket, queue, stream, table, user pool, API...). */
export interface SourceTarget {
  readonly id: string;
  readonly type: string;
  /** The GetAtt attribute (`Arn`, `StreamArn`), when named through one. */
  readonly attr?: string;
  /** The `!Ref` / `!GetAtt` / `!Sub` naming it. */
  readonly range: Range;
}

export interface TargetInfo {
  /** The node naming the source, template-defined or not. */
  readonly targetNode: Node | undefined;
  /** The source when it is defined in this template. */
  readonly target: SourceTarget | undefined;
  /** A literal source ARN (`arn:aws:sqs:...`), when written as one. */
  readonly targetArn: string | undefined;
}

/** The source named by `node`: a template resource (through Ref, GetAtt or Sub) or a literal ARN. */
export function targetOf(t: Template, node: Node | undefined): TargetInfo {
  if (!node) return { targetNode: undefined, target: undefined, targetArn: undefined };
  const ref = refTarget(node) ?? subTarget(t, node);
  const r = ref ? t.resources.get(ref.id) : undefined;
  const literal = known(t, node);
  return {
    targetNode: node,
    target: r ? { id: r.id, type: r.type, ...(ref?.attr ? { attr: ref.attr } : {}), range: node.range } : undefined,
    targetArn: literal !== undefined && isArn(literal) ? literal : undefined,
  };
}

/** `!Sub 'arn:aws:s3:::${Bucket}'` and `!Sub '${Queue.Arn}'`: the first template resource the string names. */
function subTarget(t: Template, node: Node): { id: string; attr?: string } | undefined {
  for (const part of readSub(t, node)?.parts ?? []) {
    if (part.kind === 'ref' && refKind(t, part) === 'resource') return { id: part.id, ...(part.attr !== undefined ? { attr: part.attr } : {}) };
  }
  return undefined;
}

/** The single known string value of `node`, or undefined. */
export function known(t: Template, node: Node | undefined): string | undefined {
  const c = resolveOne(t, node);
  return c === undefined ? undefined : String(c.value);
}
