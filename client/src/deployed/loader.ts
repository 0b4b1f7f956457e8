/**
 * The client half of the deployed view, free of `vscode`: the language server says which stack each
 * open template is (`DeployedTargets`); this loads those stacks with the explorer's AWS context (its
 * profile, credentials, endpoint and limits) and sends what it found back (`DeployedStacks`). Nothing
 * is loaded while no credentials are configured. It also answers which template function a deployed
 * function is, for the explorer.
 */
import type { AwsContext } from '../aws/awsContext';
import { describeLoadError, loadDeployedStack } from '../../../server/src/deployed/load';
import type { DeployedStack } from '../../../server/src/deployed/types';
import type { DeployedStacks, DeployedTargets } from '../../../server/src/protocol';

/** A template function and the deployed function it is. */
export interface TemplateFunction {
  uri: string;
  logicalId: string;
  /** Where the logical id is written, 0-based. */
  line: number;
  character: number;
  region: string;
  functionName: string;
  arn: string;
  stack: string;
}

/** Loads the stacks of the open templates and keeps what was loaded. */
export class DeployedLoader {
  private templates: DeployedTargets.Template[] = [];
  private entries = new Map<string, DeployedStacks.Entry>();
  private readonly pending = new Map<string, Promise<void>>();
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly aws: AwsContext,
    /** Sends every loaded stack to the language server. */
    private readonly send: (p: DeployedStacks.Params) => void,
  ) {
    // A new profile, endpoint or sign-in may see other stacks, or see them at last.
    this.unsubscribe = aws.onDidChange((c) => {
      if (c.session) void this.reload();
    });
  }

  /** True when AWS may be called: a profile or environment credentials are configured. */
  get canLoad(): boolean {
    return this.aws.session.source.type !== 'none';
  }

  /** The server's current targets; stacks not loaded yet are loaded, ones no longer used dropped. */
  async setTargets(p: DeployedTargets.Params): Promise<void> {
    this.templates = Array.isArray(p?.templates) ? p.templates : [];
    const keys = new Set(this.templates.map((t) => t.key));
    const dropped = [...this.entries.keys()].filter((k) => !keys.has(k));
    for (const k of dropped) this.entries.delete(k);
    const fresh = [...keys].filter((k) => !this.entries.has(k));
    if (fresh.length) await this.reload(fresh);
    else this.publish();
  }

  /** Loads the given stacks again (every targeted one by default), then sends them all. */
  async reload(keys: readonly string[] = [...new Set(this.templates.map((t) => t.key))]): Promise<void> {
    if (!this.canLoad) return;
    await Promise.all(keys.map((k) => this.load(k)));
    this.publish();
  }

  /** Stacks of the templates whose file is `uri` (to reload after a save). */
  keysOf(uri: string): string[] {
    return this.templates.filter((t) => t.uri === uri).map((t) => t.key);
  }

  /** Every template function whose deployed function is known. */
  functions(): TemplateFunction[] {
    const out: TemplateFunction[] = [];
    for (const t of this.templates) {
      const stack = this.stackOf(t);
      if (!stack) continue;
      for (const f of t.functions) {
        const fn = stack.functions[f.logicalId];
        if (fn?.config) out.push({ uri: t.uri, logicalId: f.logicalId, line: f.line, character: f.character, region: stack.region, functionName: fn.name, arn: fn.config.arn, stack: stack.name });
      }
    }
    return out;
  }

  /** The template function a deployed function is, if an open template's stack has it. */
  functionOf(region: string, name: string): TemplateFunction | undefined {
    return this.functions().find((f) => f.region === region && f.functionName === name);
  }

  /** The deployed function of the template function around a line (the nearest logical id above it). */
  functionAt(uri: string, line: number): TemplateFunction | undefined {
    const inFile = this.functions().filter((f) => f.uri === uri && f.line <= line);
    return inFile.sort((a, b) => b.line - a.line)[0];
  }

  /** Why the stack of a template could not be loaded, if it could not. */
  errorOf(uri: string): string | undefined {
    for (const t of this.templates.filter((x) => x.uri === uri)) {
      const e = this.entries.get(t.key)?.error;
      if (e) return e;
    }
    return undefined;
  }

  /** Subscribes to loads; returns the unsubscribe function. */
  onDidChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.unsubscribe();
    this.listeners.clear();
  }

  private stackOf(t: DeployedTargets.Template): DeployedStack | undefined {
    let cur = this.entries.get(t.key)?.stack;
    for (const id of t.target.nestedPath) cur = cur?.nested[id];
    return cur;
  }

  /** Loads one stack; concurrent loads of the same key share one. */
  private load(key: string): Promise<void> {
    let p = this.pending.get(key);
    if (p) return p;
    const target = this.templates.find((t) => t.key === key)?.target;
    if (!target) return Promise.resolve();
    const region = target.region ?? this.aws.session.defaultRegion;
    const factory = this.aws.factory;
    p = loadDeployedStack(factory, target.stack, region)
      .then(
        (stack) => this.entries.set(key, { key, region, stack }),
        (e: unknown) => this.entries.set(key, { key, region, error: `Stack ${target.stack} (${target.source}) in ${region}: ${describeLoadError(e, factory, region)}` }),
      )
      .then(() => undefined)
      .finally(() => this.pending.delete(key));
    this.pending.set(key, p);
    return p;
  }

  private publish(): void {
    this.send({ stacks: [...this.entries.values()] });
    for (const l of [...this.listeners]) l();
  }
}
