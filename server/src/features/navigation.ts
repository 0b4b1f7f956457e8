/**
 * Navigation over the references of a template (template/refs.ts): go to definition from `Ref`,
 * `!GetAtt`, `${X}` / `${X.Attr}` in `!Sub`, `DependsOn` and `Condition`; find references of a
 * logical id, parameter or condition; rename one everywhere it is named; the document outline.
 */
import { ResponseError, SymbolKind } from 'vscode-languageserver/node';
import type { DocumentSymbol, Location, Position, Range as LspRange, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { Node, Range } from '../template/ast';
import type { Template } from '../template/model';
import { references } from '../template/refs';
import type { Reference } from '../template/refs';
import { referenceTarget } from '../template/referenceTargets';

/** What a name stands for: a declaration of the template. */
interface Declaration {
  readonly kind: 'resource' | 'parameter' | 'condition';
  readonly id: string;
  /** The declaring key. */
  readonly range: Range;
}

/** CloudFormation logical ids (and parameter and condition names): ASCII letters and digits. */
const LOGICAL_ID = /^[A-Za-z0-9]+$/;

/** The declaration the reference at `position` names, as a location in the same document. */
export function definition(t: Template, uri: string, position: Position): Location | null {
  const offset = t.lines.offsetAt(position);
  const r = referenceAt(t, offset);
  const target = r ? referenceTarget(t, r) : undefined;
  const range = target && 'range' in target ? target.range : undefined;
  return range ? { uri, range: lspRange(t, range) } : null;
}

/** Every place the logical id, parameter or condition at `position` is named (its declaration too, when asked). */
export function findReferences(t: Template, uri: string, position: Position, includeDeclaration: boolean): Location[] {
  const symbol = symbolAt(t, t.lines.offsetAt(position));
  if (!symbol) return [];
  const ranges = [...(includeDeclaration ? [keyName(t, symbol.range)] : []), ...referencesOf(t, symbol).map((r) => nameRange(r))];
  return ranges.map((range) => ({ uri, range: lspRange(t, range) }));
}

/** The range of the name to rename at `position`, or an error saying why it cannot be renamed. */
export function prepareRename(t: Template, position: Position): { range: LspRange; placeholder: string } | ResponseError<void> {
  const offset = t.lines.offsetAt(position);
  const symbol = symbolAt(t, offset);
  if (!symbol) {
    const r = referenceAt(t, offset);
    const target = r ? referenceTarget(t, r) : undefined;
    if (target?.kind === 'pseudo') return new ResponseError(0, `${r!.to} is a pseudo parameter of CloudFormation; it cannot be renamed.`);
    if (target?.kind === 'generated') return new ResponseError(0, `SAM generates ${r!.to} from ${target.owner}; rename ${target.owner} instead.`);
    return new ResponseError(0, 'Only a logical id, parameter or condition of this template can be renamed here.');
  }
  const inexact = referencesOf(t, symbol).find((r) => !r.idRange);
  if (inexact) {
    const at = t.lines.positionAt(inexact.range.start);
    return new ResponseError(0, `${symbol.id} is named at line ${at.line + 1} in a way that cannot be rewritten exactly (an escaped or folded string); rename it there by hand first.`);
  }
  const at = referenceAt(t, offset);
  const range = at?.idRange ?? keyName(t, symbol.range);
  return { range: lspRange(t, range), placeholder: symbol.id };
}

/** The edits that rename the symbol at `position` to `newName` everywhere it is named, SAM's generated names (`FnRole`) included. */
export function rename(t: Template, uri: string, position: Position, newName: string): WorkspaceEdit | ResponseError<void> {
  const prepared = prepareRename(t, position);
  if (prepared instanceof ResponseError) return prepared;
  const symbol = symbolAt(t, t.lines.offsetAt(position))!;
  if (!LOGICAL_ID.test(newName)) return new ResponseError(0, `${newName} is not a valid name: CloudFormation names are ASCII letters and digits only.`);
  const taken = symbol.kind === 'condition' ? t.conditions.has(newName) : t.resources.has(newName) || t.parameters.has(newName);
  if (taken && newName !== symbol.id) return new ResponseError(0, `${newName} is already declared in this template; choose another name.`);
  const edits: TextEdit[] = [{ range: lspRange(t, keyName(t, symbol.range)), newText: newName }];
  for (const r of referencesOf(t, symbol)) edits.push({ range: lspRange(t, r.idRange!), newText: newName });
  // `FnRole`, `Fn.Alias`, `FnMyEvent`: names SAM derives from the renamed resource follow it.
  if (symbol.kind === 'resource') {
    for (const r of references(t)) {
      const target = r.to !== symbol.id && r.idRange && r.to.startsWith(symbol.id) ? referenceTarget(t, r) : undefined;
      if (target?.kind === 'generated' && target.owner === symbol.id) {
        edits.push({ range: lspRange(t, { start: r.idRange!.start, end: r.idRange!.start + symbol.id.length }), newText: newName });
      }
    }
  }
  return { changes: { [uri]: edits } };
}

/** The outline: Parameters, Mappings, Conditions, Resources and Outputs with their entries. */
export function documentSymbols(t: Template): DocumentSymbol[] {
  const root = t.root;
  if (!root || !t.isTemplate) return [];
  const out: DocumentSymbol[] = [];
  for (const section of root.pairs) {
    const kind = SECTION_KINDS[section.key];
    if (kind === undefined || section.value.kind !== 'map') continue;
    const children = section.value.pairs.map((p) => {
      const detail = section.key === 'Resources' ? typeOf(p.value) : section.key === 'Parameters' ? typeOf(p.value) : undefined;
      return symbol(t, p.key, kind, p.keyRange, p.value, detail);
    });
    out.push({ ...symbol(t, section.key, SymbolKind.Namespace, section.keyRange, section.value), children });
  }
  return out;
}

const SECTION_KINDS: Readonly<Record<string, SymbolKind>> = {
  Parameters: SymbolKind.Variable,
  Mappings: SymbolKind.Object,
  Conditions: SymbolKind.Boolean,
  Resources: SymbolKind.Class,
  Outputs: SymbolKind.Field,
};

function symbol(t: Template, name: string, kind: SymbolKind, key: Range, value: Node, detail?: string): DocumentSymbol {
  const whole = { start: key.start, end: Math.max(key.end, value.range.end) };
  return { name, kind, range: lspRange(t, whole), selectionRange: lspRange(t, key), ...(detail ? { detail } : {}) };
}

function typeOf(value: Node): string | undefined {
  if (value.kind !== 'map') return undefined;
  const type = value.pairs.find((p) => p.key === 'Type')?.value;
  return type?.kind === 'scalar' && typeof type.value === 'string' ? type.value : undefined;
}

/** The reference whose name (or, failing an exact name, whose node) holds `offset`. */
function referenceAt(t: Template, offset: number): Reference | undefined {
  const inside = (r: Range | undefined) => r !== undefined && r.start <= offset && offset <= r.end;
  const all = references(t);
  return all.find((r) => inside(r.idRange) || inside(r.attrRange)) ?? all.find((r) => !r.idRange && inside(r.nameRange ?? r.range));
}

/** The declaration at `offset`: its key, or a reference to it. */
function symbolAt(t: Template, offset: number): Declaration | undefined {
  const inside = (r: Range) => r.start <= offset && offset <= r.end;
  for (const r of t.resources.values()) if (inside(r.idRange)) return { kind: 'resource', id: r.id, range: r.idRange };
  for (const p of t.parameters.values()) if (inside(p.idRange)) return { kind: 'parameter', id: p.id, range: p.idRange };
  const conditions = t.root?.pairs.find((p) => p.key === 'Conditions')?.value;
  if (conditions?.kind === 'map') for (const p of conditions.pairs) if (inside(p.keyRange)) return { kind: 'condition', id: p.key, range: p.keyRange };
  const r = referenceAt(t, offset);
  const target = r ? referenceTarget(t, r) : undefined;
  if (target?.kind === 'resource' || target?.kind === 'parameter' || target?.kind === 'condition') return { kind: target.kind, id: target.id, range: target.range };
  return undefined;
}

/** The references that name `symbol`, in document order. */
function referencesOf(t: Template, symbol: Declaration): Reference[] {
  return references(t).filter((r) => {
    if (r.to !== symbol.id || (r.kind === 'Condition') !== (symbol.kind === 'condition')) return false;
    const target = referenceTarget(t, r);
    return target?.kind === symbol.kind;
  });
}

function nameRange(r: Reference): Range {
  return r.idRange ?? r.nameRange ?? r.range;
}

/** A key's range without the quotes of a JSON or quoted YAML key. */
function keyName(t: Template, key: Range): Range {
  const q = t.text[key.start];
  return q === '"' || q === "'" ? { start: key.start + 1, end: key.end - 1 } : key;
}

function lspRange(t: Template, r: Range): LspRange {
  return { start: t.lines.positionAt(r.start), end: t.lines.positionAt(r.end) };
}
