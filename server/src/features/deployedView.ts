/**
 * The deployed side of open templates in the language server: which stack each one was deployed as
 * (found on disk: samconfig, cdk.out, or the `lambdaLens.deployed.stacks` setting), told to the
 * client; what the client loaded for those stacks (it holds the credentials); and from both, the
 * options the `deployed/drift` rule reads and the "▷ Invoke <deployed name>" code lenses.
 */
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MarkupKind, type CodeLens, type Hover, type Position } from 'vscode-languageserver/node';
import { functionDrift, showValue } from '../deployed/drift';
import { nestedStack } from '../deployed/report';
import { findStackTarget, type ExplicitStack } from '../deployed/target';
import type { DeployedStack, StackTarget } from '../deployed/types';
import { eventContext } from '../events/context';
import { COMPARE_DEPLOYED_COMMAND, INVOKE_DEPLOYED_COMMAND, type DeployedFunctionArgs, type DeployedStacks, type DeployedTargets } from '../protocol';
import { functionById, functionsOf } from '../template/functions';
import type { Template } from '../template/model';
import { toLspRange } from './convert';

/** The `lambdaLens.deployed.*` settings the server reads. */
export interface DeployedSettings {
  /** Template path (relative to a workspace folder, or absolute) -> its stack. */
  readonly stacks: Readonly<Record<string, { readonly stack: string; readonly region?: string }>>;
  /** The samconfig environment. */
  readonly configEnv: string;
}

interface Tracked {
  readonly target: StackTarget;
  readonly key: string;
  readonly functions: DeployedTargets.Template['functions'];
}

/** The stack key the client answers by: `<region or empty>/<stack>`. */
export function stackKey(t: StackTarget): string {
  return `${t.region ?? ''}/${t.stack}`;
}

/** Stack targets of open templates and the stacks the client loaded for them. */
export class DeployedView {
  private readonly tracked = new Map<string, Tracked>();
  private entries = new Map<string, DeployedStacks.Entry>();
  /** Per template: the stack it resolved to, kept so unchanged states give identical options. */
  private readonly resolved = new Map<string, { entry: DeployedStacks.Entry; value: { stack: DeployedStack } | undefined; error: string | undefined }>();

  constructor(
    private settings: DeployedSettings,
    private readonly folders: () => readonly string[],
    /** Sends the current targets to the client. */
    private readonly sendTargets: (p: DeployedTargets.Params) => void,
    /** Called with the templates whose deployed state changed (revalidate, refresh lenses). */
    private readonly changed: (uris: string[]) => void,
  ) {}

  /** New settings; the caller re-tracks the open templates. */
  applySettings(settings: DeployedSettings): void {
    this.settings = settings;
  }

  /** Finds (again) the stack of an open template, on open, save and settings changes. */
  async track(uri: string, template: Template): Promise<void> {
    const target = template.isTemplate && uri.startsWith('file:') ? await this.targetOf(fileURLToPath(uri)).catch(() => undefined) : undefined;
    const before = this.tracked.get(uri);
    if (!target) {
      if (!before) return;
      this.tracked.delete(uri);
    } else {
      const functions = functionsOf(template).map((f) => {
        const at = template.lines.positionAt(f.resource.idRange.start);
        return { logicalId: f.id, line: at.line, character: at.character };
      });
      const next = { target, key: stackKey(target), functions };
      if (before && JSON.stringify(before) === JSON.stringify(next)) return;
      this.tracked.set(uri, next);
    }
    this.publish();
    this.changed([uri]);
  }

  /** Forgets a closed template. */
  forget(uri: string): void {
    if (!this.tracked.delete(uri)) return;
    this.resolved.delete(uri);
    this.publish();
  }

  /** Takes what the client loaded; every template of a changed stack is revalidated. */
  applyStacks(p: DeployedStacks.Params): void {
    const next = new Map((p.stacks ?? []).filter((e) => typeof e?.key === 'string').map((e) => [e.key, e]));
    const touched = [...this.tracked].filter(([, t]) => next.get(t.key) !== this.entries.get(t.key)).map(([uri]) => uri);
    this.entries = next;
    if (touched.length) this.changed(touched);
  }

  /** The deployed stack of a template for the rules, once loaded; the same object while unchanged. */
  stackFor(uri: string): { stack: DeployedStack } | undefined {
    return this.resolve(uri)?.value;
  }

  /** Code lenses above each deployed function: invoke it, compare with it; or why it is unknown. */
  lenses(uri: string, template: Template): CodeLens[] {
    const r = this.resolve(uri);
    if (!r || !template.isTemplate) return [];
    const views = functionsOf(template);
    if (r.error !== undefined) {
      const first = views[0];
      return first ? [{ range: toLspRange(template, first.resource.idRange), command: { title: `$(warning) Deployed: ${r.error.split('. ')[0]}`, command: '', tooltip: r.error } }] : [];
    }
    const stack = r.value!.stack;
    const out: CodeLens[] = [];
    for (const f of views) {
      const fn = stack.functions[f.id];
      if (!fn) continue;
      const range = toLspRange(template, f.resource.idRange);
      if (!fn.config) {
        out.push({ range, command: { title: `${fn.name} was deleted outside CloudFormation`, command: '' } });
        continue;
      }
      const eventId = eventContext(template, f.id, { region: stack.region, account: stack.account }).suggested[0]?.eventId;
      const args: DeployedFunctionArgs = { region: stack.region, functionName: fn.name, logicalId: f.id, uri, ...(eventId ? { eventId } : {}) };
      const tooltip = `Invoke ${fn.name} (stack ${stack.name}, ${stack.region})${eventId ? ` with a ${eventId} event filled from the template` : ''}`;
      out.push({ range, command: { title: `▷ Invoke ${fn.name}`, command: INVOKE_DEPLOYED_COMMAND, arguments: [args], tooltip } });
      out.push({ range, command: { title: 'Compare with deployed', command: COMPARE_DEPLOYED_COMMAND, arguments: [args], tooltip: `Open the deployed configuration of ${fn.name} beside the template` } });
    }
    return out;
  }

  /**
   * Both values of a drifted property on the hovered line (its key or its value), added to the
   * property's own hover; undefined when nothing drifted there.
   */
  hover(uri: string, template: Template, position: Position, base: Hover | null): Hover | null {
    const stack = this.stackFor(uri)?.stack;
    const resource = stack && template.resourceAt(template.lines.offsetAt(position));
    const f = resource && functionById(template, resource.id);
    const fn = f && stack.functions[f.id];
    if (!f || !fn) return base;
    const items = functionDrift(template, f, fn, stack).filter((d) => template.lines.positionAt(d.range.start).line === position.line);
    if (items.length === 0) return base;
    const rows = items.map((d) => `| ${d.property} | ${showValue(d.template, d.secret)} | ${showValue(d.deployed, d.secret)} |`);
    const table = [`**Deployed** as \`${fn.name}\` (stack ${stack.name}, ${stack.region})`, '', '| | template | deployed |', '|---|---|---|', ...rows].join('\n');
    const before = base && typeof base.contents === 'object' && 'value' in base.contents ? `${base.contents.value}\n\n---\n\n` : '';
    return { contents: { kind: MarkupKind.Markdown, value: before + table }, ...(base?.range ? { range: base.range } : {}) };
  }

  private resolve(uri: string): { value: { stack: DeployedStack } | undefined; error: string | undefined } | undefined {
    const t = this.tracked.get(uri);
    const entry = t && this.entries.get(t.key);
    if (!t || !entry) return undefined;
    const cached = this.resolved.get(uri);
    if (cached?.entry === entry) return cached;
    let value: { stack: DeployedStack } | undefined;
    let error = entry.error;
    if (entry.stack) {
      try {
        value = { stack: nestedStack(entry.stack, t.target.nestedPath) };
      } catch (e) {
        error = (e as Error).message;
      }
    }
    const r = { entry, value, error };
    this.resolved.set(uri, r);
    return r;
  }

  private async targetOf(path: string): Promise<StackTarget | undefined> {
    return findStackTarget(path, { configEnv: this.settings.configEnv, explicit: this.explicit(path) });
  }

  /** The setting's entry for a template: its key is the path relative to a workspace folder, or absolute. */
  private explicit(path: string): ExplicitStack | undefined {
    for (const [key, value] of Object.entries(this.settings.stacks)) {
      const candidates = isAbsolute(key) ? [resolve(key)] : this.folders().map((f) => join(f, key));
      if (candidates.includes(path)) return { stack: value.stack, region: value.region, source: 'lambdaLens.deployed.stacks' };
    }
    return undefined;
  }

  private publish(): void {
    this.sendTargets({ templates: [...this.tracked].map(([uri, t]) => ({ uri, key: t.key, target: t.target, functions: t.functions })) });
  }
}
