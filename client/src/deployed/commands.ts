/**
 * The deployed view's commands, id -> handler, matching package.json's contributes.commands. From a
 * template lens they receive {@link DeployedFunctionArgs}; from the palette or the editor's context
 * menu they act on the function around the cursor; from the explorer, on the clicked function.
 */
import * as vscode from 'vscode';
import type { Explorer } from '../explorer/register';
import { functionTargetOf } from '../explorer/nodes';
import { VIEW_ID } from '../explorer/treeProvider';
import type { InvokeArgs } from '../invoke/flow';
import type { DeployedFunctionArgs } from '../../../server/src/protocol';
import type { DeployedLoader, TemplateFunction } from './loader';

/** What the handlers work with. */
export interface DeployedCommandDeps {
  loader: DeployedLoader;
  explorer: Explorer;
  refresh(): Promise<void>;
}

type Handler = (...args: unknown[]) => unknown;

function isArgs(arg: unknown): arg is DeployedFunctionArgs {
  const a = arg as Partial<DeployedFunctionArgs> | undefined;
  return typeof a?.region === 'string' && typeof a.functionName === 'string' && typeof a.logicalId === 'string';
}

/** The function a command is for: its lens argument, else the one around the cursor of the active template. */
function targetOf(loader: DeployedLoader, arg: unknown): (DeployedFunctionArgs & { arn?: string }) | undefined {
  if (isArgs(arg)) {
    const known = loader.functionOf(arg.region, arg.functionName);
    return known ? { ...arg, arn: known.arn } : arg;
  }
  const editor = vscode.window.activeTextEditor;
  const found = editor && loader.functionAt(editor.document.uri.toString(), editor.selection.active.line);
  if (found) return { region: found.region, functionName: found.functionName, logicalId: found.logicalId, uri: found.uri, arn: found.arn };
  const why = editor ? loader.errorOf(editor.document.uri.toString()) : undefined;
  void vscode.window.showInformationMessage(
    why ?? 'Put the cursor in a function of a template whose stack is known (samconfig.toml, cdk.out or the lambdaLens.deployed.stacks setting), with AWS credentials configured.',
  );
  return undefined;
}

/** Opens a template at a function's logical id. */
async function openAt(f: Pick<TemplateFunction, 'uri' | 'line' | 'character'>): Promise<void> {
  const pos = new vscode.Position(f.line, f.character);
  await vscode.window.showTextDocument(vscode.Uri.parse(f.uri), { selection: new vscode.Range(pos, pos) });
}

/** The command table. */
export function deployedCommands({ loader, explorer, refresh }: DeployedCommandDeps): Record<string, Handler> {
  return {
    // The two lens commands: the same ids as INVOKE_DEPLOYED_COMMAND and COMPARE_DEPLOYED_COMMAND of the protocol.
    'lambdaLens.invokeDeployed': (arg?: unknown) => {
      const t = targetOf(loader, arg);
      if (!t) return undefined;
      // The invoke flow's own event pick opens when the template wires no trigger.
      const args: InvokeArgs = { region: t.region, functionName: t.functionName, qualifier: '$LATEST', run: true, ...(t.eventId ? { eventId: t.eventId } : {}) };
      return vscode.commands.executeCommand('lambdaLens.invoke', args);
    },
    'lambdaLens.compareWithDeployed': async (arg?: unknown) => {
      const t = targetOf(loader, arg);
      if (!t) return;
      try {
        await explorer.configurations.show({ region: t.region, name: t.functionName, arn: t.arn ?? '' }, true);
      } catch (e) {
        void vscode.window.showErrorMessage(`Could not load the deployed configuration of ${t.functionName}: ${(e as Error).message}`);
      }
    },
    'lambdaLens.revealInExplorer': async (arg?: unknown) => {
      const t = targetOf(loader, arg);
      if (!t) return;
      if (!explorer.model.aws.regions.includes(t.region)) {
        const add = await vscode.window.showInformationMessage(`${t.functionName} is in ${t.region}, which the Functions view does not show.`, 'Show Region');
        if (add !== 'Show Region') return;
        await vscode.workspace.getConfiguration('lambdaLens').update('regions', [...explorer.model.aws.regions, t.region], vscode.ConfigurationTarget.Global);
      }
      const node = await vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => explorer.model.revealable(t.region, t.functionName));
      if (!node) {
        void vscode.window.showInformationMessage(`${t.functionName} is not listed in ${t.region}: it may have been deleted, or the region's filter hides it.`);
        return;
      }
      await explorer.view.reveal(node, { select: true, focus: true });
    },
    'lambdaLens.openInTemplate': async (arg?: unknown) => {
      const t = functionTargetOf(arg);
      const f = t && loader.functionOf(t.region, t.name);
      if (!f) {
        void vscode.window.showInformationMessage('Open the template of this function first: its stack is found from the template (samconfig.toml, cdk.out or the lambdaLens.deployed.stacks setting).');
        return;
      }
      await openAt(f);
    },
    'lambdaLens.refreshDeployed': () => refresh(),
  };
}
