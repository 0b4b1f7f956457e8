/**
 * Every logs command, id -> handler, in one table that matches package.json's contributes.commands
 * (a test checks both ways). They take an explorer function node or a {@link LogsTarget}.
 */
import * as vscode from 'vscode';
import { functionTargetOf } from '../explorer/nodes';
import type { LogsTarget, LogsView } from './logsView';

type Handler = (...args: unknown[]) => unknown;

/** The target of a logs command: a function node, a LogsTarget, or asked for. */
async function targetOf(arg: unknown, regions: readonly string[]): Promise<LogsTarget | undefined> {
  const node = functionTargetOf(arg);
  if (node) return { region: node.region, functionName: node.name };
  const t = arg as Partial<LogsTarget> | undefined;
  if (t && typeof t.functionName === 'string') return { region: t.region ?? regions[0] ?? 'us-east-1', functionName: t.functionName, ...(t.requestId ? { requestId: t.requestId } : {}), ...(t.at ? { at: t.at } : {}) };
  const name = await vscode.window.showInputBox({ title: 'Logs of which function?', prompt: `Function name in ${regions[0] ?? 'us-east-1'}` });
  return name ? { region: regions[0] ?? 'us-east-1', functionName: name.trim() } : undefined;
}

/** The logs command table. */
export function logsCommands(view: LogsView, regions: () => readonly string[]): Record<string, Handler> {
  return {
    'lambdaLens.showLogs': async (arg?: unknown) => {
      const t = await targetOf(arg, regions());
      return t ? view.show(t) : undefined;
    },
    'lambdaLens.tailLogs': async (arg?: unknown, intervalMs?: unknown) => {
      const t = await targetOf(arg, regions());
      if (t) await view.startTail(t, typeof intervalMs === 'number' && intervalMs >= 500 ? intervalMs : undefined);
    },
    'lambdaLens.stopTailLogs': () => view.stopTail(),
  };
}
