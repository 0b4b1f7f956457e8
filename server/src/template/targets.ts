/**
 * What a trigger reads from: the template resource a `Queue:` / `EventSourceArn:` / `Bucket:` value
 * names (through Ref, GetAtt or Sub), or the literal ARN written there.
 */
import { isArn } from '../arn';
import { str } from './ast';
import type { Node, Range } from './ast';
import type { Template } from './model';
import { refTarget, resolveOne } from './resolve';

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
  const ref = refTarget(node) ?? subTarget(node);
  const r = ref ? t.resources.get(ref.id) : undefined;
  const literal = known(t, node);
  return {
    targetNode: node,
    target: r ? { id: r.id, type: r.type, ...(ref?.attr ? { attr: ref.attr } : {}), range: node.range } : undefined,
    targetArn: literal !== undefined && isArn(literal) ? literal : undefined,
  };
}

/** `!Sub 'arn:aws:s3:::${Bucket}'` and `!Sub '${Queue.Arn}'`: the first template id the string names. */
function subTarget(node: Node): { id: string; attr?: string } | undefined {
  if (node.kind !== 'intrinsic' || node.fn !== 'Fn::Sub') return undefined;
  const text = str(node.arg.kind === 'seq' ? node.arg.items[0] : node.arg);
  const m = text ? /\$\{([A-Za-z0-9]+)(?:\.([^}]*))?\}/.exec(text) : null;
  return m ? { id: m[1]!, ...(m[2] ? { attr: m[2] } : {}) } : undefined;
}

/** The single known string value of `node`, or undefined. */
export function known(t: Template, node: Node | undefined): string | undefined {
  const c = resolveOne(t, node);
  return c === undefined ? undefined : String(c.value);
}
