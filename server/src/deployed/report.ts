/**
 * The deployed view of templates on disk, for the CLI: each template's stack (flags, CDK output,
 * samconfig), the stack loaded once per region and name, the template's functions matched to the
 * stack's by logical id, their drift, and the local templates of nested stacks followed into the
 * nested stacks they were deployed as.
 */
import { promises as fs } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { functionsOf } from '../template/functions';
import { buildTemplate, type Template } from '../template/model';
import { functionDrift, type DriftItem } from './drift';
import { findStackTarget, localNestedTemplate, type TargetOptions } from './target';
import type { DeployedStack, StackTarget } from './types';

/** One template function and what is deployed for it. */
export interface FunctionReport {
  file: string;
  template: Template;
  resource: string;
  functionName: string;
  region: string;
  stack: string;
  drift: DriftItem[];
}

/** Something that kept a template or function from being compared, said for the user. */
export interface ReportProblem {
  file: string;
  message: string;
  /** True for errors (exit 2); false for notes (a function not in the stack). */
  error: boolean;
}

/** What the report needs from outside: a stack loader (through the AWS plumbing) and defaults. */
export interface ReportDeps {
  /** Loads a stack; throws with a user-facing message when it cannot. */
  load(target: StackTarget, region: string): Promise<DeployedStack>;
  /** The region when neither a flag nor the configuration names one. */
  defaultRegion(target: StackTarget): string;
  target: TargetOptions & { region?: string | undefined };
  /** Files named on the command line: for them, no known stack is an error; found in a folder, a note. */
  explicit: ReadonlySet<string>;
}

/** The result over all templates. */
export interface Report {
  functions: FunctionReport[];
  problems: ReportProblem[];
}

const MAX_TEMPLATE_BYTES = 4 * 1024 * 1024;

/** Builds the report for template files (absolute paths). */
export async function deployedReport(files: readonly string[], deps: ReportDeps): Promise<Report> {
  const out: Report = { functions: [], problems: [] };
  const stacks = new Map<string, Promise<DeployedStack>>();
  const done = new Set<string>();
  const load = (target: StackTarget, region: string): Promise<DeployedStack> => {
    const key = `${region}/${target.stack}`;
    let p = stacks.get(key);
    if (!p) stacks.set(key, (p = deps.load(target, region)));
    return p;
  };
  for (const file of files) {
    if (done.has(file)) continue;
    const named = deps.explicit.has(file);
    const template = await readTemplate(file, named ? out.problems : []);
    if (!template) continue;
    let target: StackTarget | undefined;
    try {
      target = await findStackTarget(file, deps.target);
    } catch (e) {
      out.problems.push({ file, message: (e as Error).message, error: true });
      continue;
    }
    if (!target) {
      out.problems.push({ file, message: NO_STACK, error: named });
      continue;
    }
    const region = deps.target.region ?? target.region ?? deps.defaultRegion(target);
    let stack: DeployedStack;
    try {
      stack = nestedStack(await load(target, region), target.nestedPath);
    } catch (e) {
      out.problems.push({ file, message: (e as Error).message, error: true });
      continue;
    }
    await compareTree(file, template, stack, out, done, 0);
  }
  if (out.functions.length === 0 && !out.problems.some((p) => p.error)) {
    out.problems.push({ file: files.length === 1 ? files[0]! : dirname(files[0] ?? '.'), message: `No template with a known stack was found. ${NO_STACK.split(': ')[1]}`, error: true });
  }
  return out;
}

const NO_STACK = 'No stack is known for this template: no samconfig.toml (or .yaml/.json) with a stack_name beside or above it. Pass --stack <name>.';

/** The nested stack a path of logical ids leads to; throws when one of them was not deployed. */
export function nestedStack(root: DeployedStack, path: readonly string[]): DeployedStack {
  let cur = root;
  for (const id of path) {
    const next = cur.nested[id];
    if (!next) throw new Error(cur.nestedErrors[id] ?? `Stack ${cur.name} has no nested stack ${id}: it was not deployed, or its Condition is false.`);
    cur = next;
  }
  return cur;
}

async function readTemplate(file: string, problems: ReportProblem[]): Promise<Template | undefined> {
  try {
    const st = await fs.stat(file);
    if (st.size > MAX_TEMPLATE_BYTES) throw new Error(`it is ${st.size} bytes, more than Lambda Lens reads`);
    const t = buildTemplate(await fs.readFile(file, 'utf8'));
    if (t.isTemplate) return t;
    problems.push({ file, message: 'Not a CloudFormation or SAM template; skipped.', error: true });
  } catch (e) {
    problems.push({ file, message: `Cannot read it: ${(e as Error).message}`, error: true });
  }
  return undefined;
}

/** Compares a template's functions, then its local nested templates against their nested stacks. */
async function compareTree(file: string, template: Template, stack: DeployedStack, out: Report, done: Set<string>, depth: number): Promise<void> {
  done.add(file);
  for (const f of functionsOf(template)) {
    const fn = stack.functions[f.id];
    if (!fn) {
      out.problems.push({ file, message: `${f.id} is not a function of stack ${stack.name}: it was not deployed, or its Condition is false.`, error: false });
      continue;
    }
    if (fn.error) {
      out.problems.push({ file, message: `${f.id} (${fn.name}): ${fn.error}`, error: true });
      continue;
    }
    out.functions.push({ file, template, resource: f.id, functionName: fn.name, region: stack.region, stack: stack.name, drift: functionDrift(template, f, fn, stack) });
  }
  if (depth >= 4) return;
  for (const r of template.resources.values()) {
    const location = localNestedTemplate(r);
    if (!location) continue;
    const child = resolve(dirname(file), location);
    const nested = stack.nested[r.id];
    if (done.has(child) || !nested) continue;
    const t = await readTemplate(child, out.problems);
    if (t) await compareTree(child, t, nested, out, done, depth + 1);
  }
}
