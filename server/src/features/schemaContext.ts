/**
 * Where in the specification a place of the template is: the structure a key path leads to
 * (`Resources.Fn.Properties.VpcConfig` -> the VpcConfig structure of the function's type, SAM events
 * through their `Type`, Globals sections). Shared by hovers and completion.
 */
import { get, str } from '../template/ast';
import type { Template } from '../template/model';
import { resourceSpec, samEventSpec, samGlobalsSections } from '../schema/spec';
import type { PropertySpec, Structure, ValueType } from '../schema/spec';

/** What a key path points at: the structure holding its last key, and that key's specification. */
export interface SchemaPlace {
  /** The resource type the path is under (for Globals: the SAM type of the section). */
  readonly resourceType: string;
  /** The structure the last key belongs to. */
  readonly structure: Structure;
  /** The last key's specification, when the structure has it. */
  readonly property: PropertySpec | undefined;
}

/**
 * The structure whose keys a map at `path` may have (path of keys from the document root; list
 * items as '[]'), or undefined when the path is not under a resource's Properties or a Globals section.
 */
export function structureAt(t: Template, path: readonly string[]): { resourceType: string; structure: Structure } | undefined {
  let resourceType: string;
  let structure: Structure | undefined;
  let rest: readonly string[];
  if (path[0] === 'Resources' && path.length >= 3 && path[2] === 'Properties') {
    const id = path[1]!;
    resourceType = t.resources.get(id)?.type ?? '';
    structure = resourceSpec(resourceType);
    rest = path.slice(3);
    // SAM events: Events.<id> is told apart by its Type.
    if (structure && rest[0] === 'Events' && rest.length >= 2) {
      const eventType = str(get(get(get(t.resources.get(id)?.properties, 'Events'), rest[1]!), 'Type'));
      const event = eventType ? samEventSpec(resourceType, eventType) : undefined;
      if (!event) return undefined;
      if (rest.length === 2) return undefined;
      if (rest[2] !== 'Properties') return undefined;
      structure = event.properties;
      rest = rest.slice(3);
    }
  } else if (path[0] === 'Globals' && path.length >= 2) {
    resourceType = `AWS::Serverless::${path[1]}`;
    structure = samGlobalsSections().get(path[1]!);
    rest = path.slice(2);
  } else return undefined;
  for (const key of rest) {
    if (!structure) return undefined;
    if (key === '[]') continue;
    const prop: PropertySpec | undefined = structure.properties.get(key);
    structure = prop ? structureOf(prop.type) : undefined;
  }
  return structure ? { resourceType, structure } : undefined;
}

/** The specification of the key at the end of `path` (`[..., 'Properties', 'MemorySize']`). */
export function placeAt(t: Template, path: readonly string[]): SchemaPlace | undefined {
  if (path.length === 0) return undefined;
  const parent = structureAt(t, path.slice(0, -1));
  if (!parent) return undefined;
  return { ...parent, property: parent.structure.properties.get(path[path.length - 1]!) };
}

/** The structure a value of this type is (through lists, maps and the first structure of a union). */
export function structureOf(type: ValueType): Structure | undefined {
  switch (type.kind) {
    case 'structure':
      return type.structure;
    case 'list':
      return structureOf(type.item);
    case 'map':
      return structureOf(type.value);
    case 'union':
      for (const t of type.types) {
        const s = structureOf(t);
        if (s) return s;
      }
      return undefined;
    default:
      return undefined;
  }
}

/** The allowed values of a type (enum strings, true/false), for completion. */
export function valuesOf(type: ValueType): readonly string[] {
  switch (type.kind) {
    case 'string':
      return type.enum ?? [];
    case 'integer':
      return (type.enum ?? []).map(String);
    case 'boolean':
      return ['true', 'false'];
    case 'union':
      return [...new Set(type.types.flatMap(valuesOf))];
    default:
      return [];
  }
}
