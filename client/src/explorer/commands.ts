/**
 * Every explorer command, id -> handler, in one table that matches package.json's
 * contributes.commands (a test checks both ways). Item commands receive the clicked node.
 */
import * as vscode from 'vscode';
import type { AwsContext } from '../aws/awsContext';
import { classifyAwsError } from '../../../server/src/aws/errors';
import type { ConfigurationDocuments } from './configurationView';
import { parseFilter } from './filter';
import { consoleUrl } from './links';
import type { ExplorerModel } from './model';
import { functionTargetOf, type DetailNode, type ExplorerNode, type FunctionTarget } from './nodes';
import { selectProfile, selectRegions } from './quickPicks';
import { loadWithProgress, VIEW_ID } from './treeProvider';

/** What the handlers work with. */
export interface ExplorerCommandDeps {
  aws: AwsContext;
  model: ExplorerModel;
  configurations: ConfigurationDocuments;
}

type Handler = (...args: unknown[]) => unknown;

const regionOf = (arg: unknown): string | undefined => {
  const n = arg as Partial<ExplorerNode> | undefined;
  return n && 'region' in n && typeof n.region === 'string' ? n.region : undefined;
};

async function pickRegion(aws: AwsContext, model: ExplorerModel, arg: unknown, onlyFiltered = false): Promise<string | undefined> {
  const given = regionOf(arg);
  if (given) return given;
  const candidates = aws.regions.filter((r) => !onlyFiltered || model.isFiltered(r));
  if (candidates.length <= 1) return candidates[0];
  return vscode.window.showQuickPick(candidates, { title: 'Region' });
}

function withTarget(arg: unknown, run: (t: FunctionTarget) => unknown): unknown {
  const t = functionTargetOf(arg);
  if (!t) {
    void vscode.window.showInformationMessage('Run this command from a function in the Lambda explorer.');
    return undefined;
  }
  return run(t);
}

/** The explorer's command table. */
export function explorerCommands({ aws, model, configurations }: ExplorerCommandDeps): Record<string, Handler> {
  return {
    'lambdaLens.selectProfile': () => selectProfile(aws),
    'lambdaLens.selectRegions': () => selectRegions(aws),
    'lambdaLens.refresh': (arg?: unknown) => {
      const node = arg as ExplorerNode | undefined;
      if (node?.kind === 'function') {
        model.refreshFunction(node);
        return;
      }
      const region = regionOf(arg);
      // A full refresh also rebuilds the session so new credentials (after `aws sso login`) are read.
      if (region === undefined) aws.rebuild();
      else return vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => model.refresh(region));
      return undefined;
    },
    'lambdaLens.filterFunctions': async (arg?: unknown) => {
      const region = await pickRegion(aws, model, arg);
      if (!region) return;
      const text = await vscode.window.showInputBox({
        title: `Filter functions in ${region}`,
        prompt: 'Part of a function name, or /regular expression/',
        value: model.filterOf(region) ?? '',
        validateInput: (v) => {
          const p = parseFilter(v);
          return p.ok ? undefined : p.reason;
        },
      });
      if (text !== undefined) await loadWithProgress(`Loading Lambda functions in ${region}`, (opts) => model.setFilter(region, text, opts));
    },
    'lambdaLens.clearFilter': async (arg?: unknown) => {
      const region = await pickRegion(aws, model, arg, true);
      if (region) await model.setFilter(region, '');
    },
    'lambdaLens.copyArn': (arg?: unknown) => withTarget(arg, (t) => vscode.env.clipboard.writeText(t.arn)),
    'lambdaLens.copyName': (arg?: unknown) => withTarget(arg, (t) => vscode.env.clipboard.writeText(t.name)),
    'lambdaLens.copyFunctionUrl': (arg?: unknown) => {
      const url = (arg as Partial<DetailNode> | undefined)?.url?.url;
      return url ? vscode.env.clipboard.writeText(url) : undefined;
    },
    'lambdaLens.openInConsole': (arg?: unknown) => withTarget(arg, (t) => vscode.env.openExternal(vscode.Uri.parse(consoleUrl(t), true))),
    'lambdaLens.showConfiguration': (arg?: unknown) =>
      withTarget(arg, async (t) => {
        try {
          await configurations.show(t);
        } catch (e) {
          const c = classifyAwsError(e, aws.session.source, t.region);
          void vscode.window.showErrorMessage(`Could not load the configuration of ${t.name}: ${c.summary}. ${c.detail}`);
        }
      }),
    'lambdaLens.revealConfigurationValues': (uri?: unknown, confirmed?: unknown) =>
      configurations.reveal(uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri, confirmed === true),
    'lambdaLens.loadMore': async (arg?: unknown) => {
      const region = regionOf(arg);
      if (region) await vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => model.loadMore(region));
    },
    'lambdaLens.runInTerminal': (arg?: unknown) => {
      if (typeof arg !== 'string') return;
      const terminal = vscode.window.createTerminal({ name: 'AWS sign-in' });
      terminal.show();
      terminal.sendText(arg);
      const done = vscode.window.onDidCloseTerminal((t) => {
        if (t !== terminal) return;
        done.dispose();
        aws.rebuild();
      });
    },
  };
}
