/**
 * How untagged plain scalars of a YAML template resolve. CloudFormation and the tools built on PyYAML
 * (cfn-lint, the SAM CLI) read templates with YAML 1.1 rules, not the YAML 1.2 core schema the `yaml`
 * package uses by default, and the two disagree on real templates: `012345678912` (an account id) is
 * a string in 1.1 and the number 12345678912 in 1.2; `yes`, `on` and `off` are booleans in 1.1 only;
 * `0755` is octal 493 in 1.1 and 755 in 1.2; `1e3` is a string in 1.1. These tags give the `yaml`
 * parser PyYAML's SafeLoader resolution (the regular expressions and constructors of PyYAML's
 * resolver.py and constructor.py), with one deliberate difference: a date such as `2012-10-17` stays
 * the string it is written as, which is what CloudFormation passes on (an IAM policy `Version`).
 */
import type { ScalarTag } from 'yaml';

const BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const FLOAT = /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const NULL = /^(?:~|null|Null|NULL|)$/;

/** A sign, then the digits: what both number constructors start from. */
function signed(source: string): { sign: number; digits: string } {
  const s = source.replace(/_/g, '');
  if (s.startsWith('-')) return { sign: -1, digits: s.slice(1) };
  return { sign: 1, digits: s.startsWith('+') ? s.slice(1) : s };
}

/** `1:20:30` -> 4830: YAML 1.1 sexagesimal numbers. */
function base60(digits: string): number {
  return digits.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
}

function resolveInt(source: string): number {
  const { sign, digits } = signed(source);
  if (digits === '0') return 0;
  if (digits.startsWith('0b')) return sign * parseInt(digits.slice(2), 2);
  if (digits.startsWith('0x')) return sign * parseInt(digits.slice(2), 16);
  if (digits.startsWith('0')) return sign * parseInt(digits, 8);
  if (digits.includes(':')) return sign * base60(digits);
  return sign * Number(digits);
}

function resolveFloat(source: string): number {
  const { sign, digits } = signed(source);
  const lower = digits.toLowerCase();
  if (lower === '.inf') return sign * Infinity;
  if (lower === '.nan') return NaN;
  if (digits.includes(':')) return sign * base60(digits);
  return sign * Number(digits);
}

const scalar = (tag: string, test: RegExp, resolve: (s: string) => unknown): ScalarTag => ({
  tag: `tag:yaml.org,2002:${tag}`,
  default: true,
  test,
  resolve,
});

/** The implicit scalar tags of PyYAML's SafeLoader, in its resolution order. */
export const YAML_11_SCALARS: readonly ScalarTag[] = [
  scalar('bool', BOOL, (s) => /^(?:yes|true|on)$/i.test(s)),
  scalar('float', FLOAT, resolveFloat),
  scalar('int', INT, resolveInt),
  scalar('null', NULL, () => null),
];

/**
 * The value of an untagged plain scalar, resolved as the `yaml` parser resolves it with the tags
 * above (the first whose test matches, else the string): for readers that build the tree without it.
 */
export function resolvePlainScalar(source: string): string | number | boolean | null {
  // Every implicit tag's pattern starts with one of these characters (or matches the empty string).
  if (source.length > 0 && !MAY_RESOLVE.has(source.charCodeAt(0))) return source;
  for (const tag of YAML_11_SCALARS) {
    if (tag.test!.test(source)) return (tag.resolve as (s: string) => string | number | boolean | null)(source);
  }
  return source;
}

const MAY_RESOLVE: ReadonlySet<number> = new Set([...'yYnNtTfFoO~.+-0123456789'].map((c) => c.charCodeAt(0)));
