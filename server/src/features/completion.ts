/**
 * Completion from the specifications: resource types after `Type:` of a resource, property names
 * (required ones first; a snippet with the required keys of a nested structure), allowed values
 * (enums, true/false), SAM event types and their properties. The place is read from the lines
 * above the cursor (keys by indentation), so it works in a document that is half typed and does not
 * parse; block-style YAML only (JSON and flow maps get no completion).
 */
import { CompletionItemKind, InsertTextFormat, MarkupKind } from 'vscode-languageserver/node';
import type { CompletionItem, Position } from 'vscode-languageserver/node';
import type { Template } from '../template/model';
import { describeType, resourceSpec, resourceTypes, samEventTypes } from '../schema/spec';
import type { PropertySpec, Structure } from '../schema/spec';
import { placeAt, structureAt, structureOf, valuesOf } from './schemaContext';

/** Keys of a resource entry. */
const RESOURCE_KEYS = ['Type', 'Properties', 'DependsOn', 'Condition', 'Metadata', 'DeletionPolicy', 'UpdateReplacePolicy'];

/** Completion items at a position of a template. */
export function completion(t: Template, position: Position): CompletionItem[] {
  if (t.text.trimStart().startsWith('{')) return [];
  const line = t.lines.lineText(position.line).slice(0, position.character);
  const m = /^(\s*)(- )?([A-Za-z0-9_.-]*)(:\s*(\S*))?$/.exec(line);
  if (!m) return [];
  const indent = m[1]!.length + (m[2] ? 2 : 0);
  const parents = parentKeys(t, position.line, indent);
  if (m[4] !== undefined) return valueItems(t, [...parents, m[3]!]);
  return keyItems(t, parents, siblingKeys(t, position.line, indent));
}

function valueItems(t: Template, path: string[]): CompletionItem[] {
  const key = path[path.length - 1];
  // Resources.<id>.Type
  if (path.length === 3 && path[0] === 'Resources' && key === 'Type') {
    return resourceTypes().map((type) => ({ label: type, kind: CompletionItemKind.Class, ...docs(resourceSpec(type)?.documentation) }));
  }
  // Resources.<id>.Properties.Events.<event>.Type
  if (path.length === 6 && path[0] === 'Resources' && path[2] === 'Properties' && path[3] === 'Events' && key === 'Type') {
    const type = t.resources.get(path[1]!)?.type ?? '';
    return samEventTypes(type).map((e) => ({ label: e, kind: CompletionItemKind.EnumMember }));
  }
  const place = placeAt(t, path);
  if (!place?.property) return [];
  return valuesOf(place.property.type).map((v) => ({ label: v, kind: CompletionItemKind.EnumMember }));
}

function keyItems(t: Template, parents: string[], present: ReadonlySet<string>): CompletionItem[] {
  if (parents.length === 2 && parents[0] === 'Resources') {
    return RESOURCE_KEYS.filter((k) => !present.has(k)).map((k, i) => ({ label: k, kind: CompletionItemKind.Property, sortText: String(i).padStart(2, '0'), insertText: `${k}: ` }));
  }
  if (parents.length === 5 && parents[0] === 'Resources' && parents[2] === 'Properties' && parents[3] === 'Events') {
    return ['Type', 'Properties'].filter((k) => !present.has(k)).map((k) => ({ label: k, kind: CompletionItemKind.Property, insertText: `${k}: ` }));
  }
  const at = structureAt(t, parents);
  if (!at) return [];
  return [...at.structure.properties.values()].filter((p) => !present.has(p.name)).map((p) => propertyItem(p));
}

function propertyItem(p: PropertySpec): CompletionItem {
  const nested = structureOf(p.type);
  const listed = p.type.kind === 'list';
  const snippet = nested && !listed && nested.required.length > 0 ? requiredSnippet(p.name, nested) : undefined;
  return {
    label: p.name,
    kind: CompletionItemKind.Property,
    detail: `${describeType(p.type)}${p.required ? ' (required)' : ''}`,
    // Required properties first, then the rest, each alphabetically.
    sortText: `${p.required ? '0' : '1'}${p.name}`,
    ...(snippet ? { insertText: snippet, insertTextFormat: InsertTextFormat.Snippet } : { insertText: `${p.name}: ` }),
    ...docs(p.documentation),
  };
}

/** `Name:` followed by its required keys, one per line, each a tab stop. */
function requiredSnippet(name: string, s: Structure): string {
  const lines = s.required.map((r, i) => `\n  ${r}: $${i + 1}`);
  return `${name}:${lines.join('')}`;
}

function docs(text: string | undefined): Partial<CompletionItem> {
  return text ? { documentation: { kind: MarkupKind.Markdown, value: text } } : {};
}

/** The keys of the block maps enclosing a line at `indent`, outermost first (list items as '[]'). */
function parentKeys(t: Template, line: number, indent: number): string[] {
  const keys: string[] = [];
  let want = indent;
  for (let l = line - 1; l >= 0 && want > 0; l--) {
    const text = t.lines.lineText(l);
    if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
    const m = /^(\s*)(- )?(?:([^\s#:'"][^:#]*?):(?:\s|$))?/.exec(text)!;
    const col = m[1]!.length;
    const key = m[3]?.trim();
    if (m[2]) {
      // `- key: value` starts a list item whose map is at col + 2.
      if (col + 2 > want) continue;
      if (col + 2 < want && key) keys.unshift(key);
      keys.unshift('[]');
      // The list belongs to the key above it, which may sit at the dash's own column.
      want = col + 1;
    } else if (col < want && key) {
      keys.unshift(key);
      want = col;
    }
  }
  return keys;
}

/** Keys already written in the map that holds a line at `indent`. */
function siblingKeys(t: Template, line: number, indent: number): Set<string> {
  const out = new Set<string>();
  for (const dir of [-1, 1]) {
    for (let l = line + dir; l >= 0 && l < t.lines.lineCount; l += dir) {
      const text = t.lines.lineText(l);
      if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
      const col = text.length - text.trimStart().length;
      if (col < indent) break;
      const m = /^\s*([^\s#:][^:#]*?):(\s|$)/.exec(text);
      if (col === indent && m) out.add(m[1]!);
    }
  }
  return out;
}
