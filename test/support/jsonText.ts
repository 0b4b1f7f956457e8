/** A syntax tree written back as a JSON template (intrinsics in their long form), for JSON tests and benchmarks. */
import type { Node } from '../../server/src/template/ast';
import { parseText } from '../../server/src/template/parse';

/** The JSON text of a tree, indented by `indent` spaces (0: one line); duplicate keys are kept. */
export function toJsonText(node: Node | undefined, indent = 2): string {
  const out: string[] = [];
  write(node, 0, indent, out);
  return `${out.join('')}\n`;
}

/** A YAML template rewritten as JSON. */
export function yamlToJson(yamlText: string, indent = 2): string {
  return toJsonText(parseText(yamlText).root, indent);
}

function write(node: Node | undefined, depth: number, indent: number, out: string[]): void {
  const nl = (d: number) => (indent > 0 ? `\n${' '.repeat(d * indent)}` : '');
  const sep = indent > 0 ? ': ' : ':';
  if (!node) {
    out.push('null');
    return;
  }
  switch (node.kind) {
    case 'scalar':
      out.push(JSON.stringify(node.value));
      return;
    case 'intrinsic':
      out.push(`{${nl(depth + 1)}${JSON.stringify(node.fn)}${sep}`);
      write(node.arg, depth + 1, indent, out);
      out.push(`${nl(depth)}}`);
      return;
    case 'map':
      if (node.pairs.length === 0) {
        out.push('{}');
        return;
      }
      out.push('{');
      node.pairs.forEach((p, i) => {
        out.push(`${i > 0 ? ',' : ''}${nl(depth + 1)}${JSON.stringify(p.key)}${sep}`);
        write(p.value, depth + 1, indent, out);
      });
      out.push(`${nl(depth)}}`);
      return;
    case 'seq':
      if (node.items.length === 0) {
        out.push('[]');
        return;
      }
      out.push('[');
      node.items.forEach((item, i) => {
        out.push(`${i > 0 ? ',' : ''}${nl(depth + 1)}`);
        write(item, depth + 1, indent, out);
      });
      out.push(`${nl(depth)}]`);
      return;
  }
}
