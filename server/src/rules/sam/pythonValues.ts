/**
 * Template values as the SAM translator sees them: it is Python, reading the template parsed by
 * PyYAML, so its tests are Python's truth and Python's printing of numbers.
 */
import type { Node } from '../../template/ast';
import type { Template } from '../../template/model';

/** Python's truth of a parsed value: empty strings, maps and lists, 0, false and null are false. */
export function truthy(node: Node): boolean {
  if (node.kind === 'map') return node.pairs.length > 0;
  if (node.kind === 'seq') return node.items.length > 0;
  if (node.kind === 'scalar') return node.value !== null && node.value !== '' && node.value !== 0 && node.value !== false;
  return true;
}

/** A scalar as Python's `str()` prints it: a float written `3.0` stays `3.0` (JavaScript prints 3). */
export function pythonText(t: Template, node: Node): string {
  if (node.kind !== 'scalar') return '';
  if (typeof node.value !== 'number') return String(node.value);
  const written = t.text.slice(node.range.start, node.range.end);
  return Number.isInteger(node.value) && /[.eE]/.test(written) ? `${node.value}.0` : String(node.value);
}

/** An intrinsic function's name as messages write it, with its article: `an Fn::If`, `a Ref`. */
export function anIntrinsic(fn: string): string {
  return `${fn === 'Fn::If' || fn === 'Fn::ImportValue' ? 'an' : 'a'} ${fn}`;
}
