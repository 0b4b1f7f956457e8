/**
 * The invoke flow: pick a function, a qualifier and an event, edit the payload, invoke, show the
 * result. Every pick can be answered by the command's argument ({@link InvokeArgs}), which is how
 * keybindings, other extensions and the editor tests drive it without the quick picks.
 */
import * as vscode from 'vscode';
import type { AwsContext } from '../aws/awsContext';
import { classifyAwsError, type ClassifiedError } from '../../../server/src/aws/errors';
import { functionTargetOf } from '../explorer/nodes';
import { COMMON_PARAMS, EventCatalogueError, eventById, generateEvent, pickParams } from '../../../server/src/events/catalogue';
import { eventChoices, pushRecent } from './eventPicks';
import type { EventChoice } from './eventPicks';
import { explainInvokeError } from './explain';
import { DEFAULT_CONFIRM_PATTERN, INVOCATION_TYPES, checkPayload, needsConfirmation } from './guards';
import type { InvocationType } from './guards';
import { invokeFunction, listQualifiers, type QualifierChoice } from './invoke';
import type { InvokeOutcome } from './invoke';
import type { PayloadDocuments, PayloadTarget } from './payloadDocuments';
import type { ResultView } from './resultView';
import { SavedEventStore, checkEventName } from './savedEvents';
import { accountOf, checkFunctionInput, parseNameOrArn } from './target';
import type { FunctionChoice } from './target';
import type { EventContextRequest } from '../../../server/src/protocol';

/**
 * The argument `lambdaLens.invoke` accepts (all optional): each field given skips its question.
 * With `run: true` the function is invoked at once and the command returns the {@link InvokeOutcome};
 * otherwise it opens the payload document and returns its URI. `confirmed: true` answers the
 * `lambdaLens.invoke.confirmPattern` question in advance.
 */
export interface InvokeArgs {
  region?: string;
  functionName?: string;
  qualifier?: string;
  /** A catalogue event id, e.g. `sqs-receive-message`. */
  eventId?: string;
  /** The name of a saved event of the function. */
  savedEvent?: string;
  /** Catalogue parameter values, over the ones read from the template. */
  set?: Record<string, string>;
  /** The payload itself, instead of an event. */
  payload?: string;
  invocationType?: InvocationType;
  run?: boolean;
  confirmed?: boolean;
}

const RECENT_KEY = 'lambdaLens.invoke.recentEvents';
const FALLBACK_ACCOUNT = String(COMMON_PARAMS.account!.default);

/** The invoke commands' behaviour. */
export class InvokeFlow {
  constructor(
    private readonly aws: AwsContext,
    private readonly payloads: PayloadDocuments,
    private readonly results: ResultView,
    private readonly state: vscode.Memento,
    /** Asks the language server, which holds the model of the workspace's templates. */
    private readonly eventContext: (p: EventContextRequest.Params) => Promise<EventContextRequest.Result>,
  ) {}

  /** `lambdaLens.invoke`: from the palette, an explorer item or an {@link InvokeArgs}. */
  async invoke(arg?: unknown): Promise<vscode.Uri | InvokeOutcome | undefined> {
    const args: InvokeArgs = isArgs(arg) ? arg : {};
    const badArg =
      (args.functionName !== undefined ? checkFunctionInput(args.functionName) : undefined) ??
      (args.invocationType !== undefined && !INVOCATION_TYPES.includes(args.invocationType) ? `invocationType must be one of ${INVOCATION_TYPES.join(', ')}.` : undefined) ??
      (args.qualifier !== undefined && !/^(\$LATEST|[A-Za-z0-9_-]{1,128})$/.test(args.qualifier) ? 'qualifier must be $LATEST, a version number or an alias name.' : undefined);
    if (badArg) {
      void vscode.window.showErrorMessage(`Lambda Lens: Invoke was given a bad argument: ${badArg}`);
      return undefined;
    }
    const fromTree = functionTargetOf(arg);
    const fn: FunctionChoice | undefined = fromTree
      ? { region: fromTree.region, functionName: fromTree.name, account: accountOf(fromTree.arn) }
      : args.functionName
        ? parseNameOrArn(args.functionName, args.region ?? this.aws.regions[0]!)
        : await this.pickFunction();
    if (!fn) return undefined;
    const qualifier = args.qualifier ?? fn.qualifier ?? (await this.pickQualifier(fn));
    if (!qualifier) return undefined;
    const target: PayloadTarget = { region: fn.region, functionName: fn.functionName, qualifier };
    const text = args.payload ?? (await this.eventText(fn, args));
    if (text === undefined) return undefined;
    const type = args.invocationType ?? 'RequestResponse';
    if (args.run) return this.run(target, text, type, args.confirmed === true);
    const editor = await this.payloads.open(target, text, type);
    return editor.document.uri;
  }

  /** `lambdaLens.invokePayload`: invokes the payload document (the Invoke button and CodeLens). */
  async invokePayload(uri?: unknown, confirmed = false): Promise<InvokeOutcome | undefined> {
    const doc = await this.payloadDocument(uri);
    if (!doc) return undefined;
    const target = this.payloads.targetOf(doc.uri)!;
    if (doc.isDirty) await doc.save();
    return this.run(target, doc.getText(), this.payloads.invocationType(doc.uri), confirmed, doc);
  }

  /** `lambdaLens.chooseInvocationType`: RequestResponse, Event or DryRun for a payload document. */
  async chooseInvocationType(uri?: unknown, type?: InvocationType): Promise<void> {
    const doc = await this.payloadDocument(uri);
    if (!doc) return;
    const chosen =
      type ??
      (
        await vscode.window.showQuickPick(
          [
            { label: 'RequestResponse' as const, detail: 'Wait for the response, the log tail and the REPORT figures' },
            { label: 'Event' as const, detail: 'Queue the event for asynchronous invocation (202); logs go to CloudWatch only' },
            { label: 'DryRun' as const, detail: 'Check parameters and permissions without running the function (204)' },
          ],
          { title: 'Invocation type' },
        )
      )?.label;
    if (chosen && INVOCATION_TYPES.includes(chosen)) this.payloads.setInvocationType(doc.uri, chosen);
  }

  /** `lambdaLens.saveEvent`: stores the payload under `.lambda-lens/events/<function>/<name>.json`. */
  async saveEvent(uri?: unknown, name?: string): Promise<vscode.Uri | undefined> {
    const doc = await this.payloadDocument(uri);
    if (!doc) return undefined;
    const store = this.store();
    if (!store) {
      void vscode.window.showErrorMessage('Open a folder to save events: they are stored in the workspace under .lambda-lens/events, to share them in git.');
      return undefined;
    }
    const problem = checkPayload(doc.getText(), 'RequestResponse');
    if (problem?.kind === 'json') {
      void vscode.window.showErrorMessage(problem.message.replace('Nothing was sent.', 'The event was not saved.'));
      return undefined;
    }
    const target = this.payloads.targetOf(doc.uri)!;
    const chosen = name ?? (await vscode.window.showInputBox({ title: `Save event for ${target.functionName}`, prompt: 'Event name', validateInput: (v) => checkEventName(v) }));
    if (!chosen) return undefined;
    const file = vscode.Uri.file(await store.save(target.functionName, chosen, doc.getText()));
    void vscode.window.showInformationMessage(`Saved as ${vscode.workspace.asRelativePath(file)}. It is listed first the next time you invoke ${target.functionName}.`);
    return file;
  }

  private async payloadDocument(uri: unknown): Promise<vscode.TextDocument | undefined> {
    const u = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    const target = u && this.payloads.targetOf(u);
    if (!u || !target) {
      void vscode.window.showInformationMessage('Open a payload with "Lambda Lens: Invoke Function..." first; this command works on its document.');
      return undefined;
    }
    return vscode.workspace.openTextDocument(u);
  }

  private store(): SavedEventStore | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder ? new SavedEventStore(folder.uri.fsPath) : undefined;
  }

  private async run(target: PayloadTarget, text: string, type: InvocationType, confirmed: boolean, doc?: vscode.TextDocument): Promise<InvokeOutcome | undefined> {
    const problem = checkPayload(text, type);
    if (problem) {
      if (doc && problem.line !== undefined) {
        const pos = new vscode.Position(problem.line - 1, (problem.column ?? 1) - 1);
        const editor = await vscode.window.showTextDocument(doc);
        editor.selection = new vscode.Selection(pos, pos);
      }
      void vscode.window.showErrorMessage(problem.message);
      return undefined;
    }
    const pattern = vscode.workspace.getConfiguration('lambdaLens').get<string>('invoke.confirmPattern', DEFAULT_CONFIRM_PATTERN);
    if (!confirmed && needsConfirmation(target.functionName, pattern)) {
      const ok = await vscode.window.showWarningMessage(
        `Invoke ${target.functionName} (${target.qualifier}) in ${target.region}?`,
        { modal: true, detail: `Its name matches lambdaLens.invoke.confirmPattern ("${pattern}"). The function runs for real, with whatever side effects it has.` },
        'Invoke',
      );
      if (ok !== 'Invoke') return undefined;
    }
    const client = this.aws.factory.createLambdaClient(target.region);
    // The explorer's list knows $LATEST's Timeout; for a version or alias it is asked of the API.
    const timeoutSec = target.qualifier === '$LATEST' ? this.aws.functions.find(target.region, target.functionName)?.timeoutSec : undefined;
    try {
      const outcome = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Invoking ${target.functionName} (${type})...`, cancellable: true },
        (_p, token) => {
          const ac = new AbortController();
          token.onCancellationRequested(() => ac.abort());
          return invokeFunction(client, { functionName: target.functionName, qualifier: target.qualifier, payload: text, invocationType: type }, ac.signal, { timeoutSec });
        },
      );
      await this.results.show(outcome, target.region);
      return outcome;
    } catch (e) {
      const c = explainInvokeError(e, this.aws.session.source, target.region, target.functionName, target.qualifier);
      this.results.markStale(target, c.summary);
      // Signing in or picking a profile comes first; otherwise the one useful next step is to try again.
      const again: InvokeArgs = { region: target.region, functionName: target.functionName, qualifier: target.qualifier, payload: text, invocationType: type, run: true };
      const action = c.action && c.action.command !== 'lambdaLens.refresh' ? c.action : { label: 'Invoke again', command: 'lambdaLens.invoke', arguments: [again] };
      this.showError({ ...c, action });
      return undefined;
    }
  }

  private showError(c: ClassifiedError): void {
    const action = c.action;
    void vscode.window.showErrorMessage(`${c.summary}. ${c.detail}`, ...(action ? [action.label] : [])).then((choice) => {
      if (!choice || !action) return;
      if (action.command) void vscode.commands.executeCommand(action.command, ...(action.arguments ?? []));
      else if (action.shellCommand) {
        const terminal = vscode.window.createTerminal('Lambda Lens');
        terminal.show();
        terminal.sendText(action.shellCommand);
      }
    });
  }

  private async pickFunction(): Promise<FunctionChoice | undefined> {
    type Item = vscode.QuickPickItem & { fn?: FunctionChoice; error?: ClassifiedError };
    const items: Item[] = [];
    for (const region of this.aws.regions) {
      let loaded = this.aws.functions.get(region);
      if (loaded.functions.length === 0 && !loaded.complete) {
        try {
          loaded = await this.aws.functions.loadNextPage(region);
        } catch (e) {
          // Said in the pick (expired SSO, access denied, ...) instead of leaving it silently empty.
          const c = classifyAwsError(e, this.aws.session.source, region);
          items.push({ label: `$(error) ${c.summary}`, description: region, detail: c.detail, alwaysShow: true, error: c });
        }
      }
      for (const f of loaded.functions) items.push({ label: f.name, description: region, detail: [f.runtime, f.description].filter(Boolean).join(' · '), fn: { region, functionName: f.name, account: accountOf(f.arn) } });
    }
    items.push({ label: '$(edit) Enter a function name or ARN...', alwaysShow: true });
    const { picked, typed } = await quickPickWithText(items, { title: 'Invoke: function', placeholder: 'Filter functions loaded in the explorer, or enter a name', matchOnDescription: true, matchOnDetail: true });
    if (!picked) return undefined;
    if (picked.fn) return picked.fn;
    if (picked.error) {
      this.showError(picked.error);
      return undefined;
    }
    // The text typed to filter is most likely the name: keep it.
    const name = await vscode.window.showInputBox({ title: 'Invoke: function name or ARN', value: typed.trim(), validateInput: checkFunctionInput });
    if (!name) return undefined;
    return parseNameOrArn(name.trim(), this.aws.regions[0]!);
  }

  private async pickQualifier(fn: FunctionChoice): Promise<string | undefined> {
    const client = this.aws.factory.createLambdaClient(fn.region);
    let choices: QualifierChoice[];
    try {
      choices = await listQualifiers(client, fn.functionName);
    } catch (e) {
      const c = classifyAwsError(e, this.aws.session.source, fn.region);
      const picked = await vscode.window.showQuickPick(
        [
          { label: '$LATEST', description: 'unpublished code and configuration' },
          { label: `$(error) Could not list versions and aliases: ${c.summary}`, detail: c.detail, error: c },
        ],
        { title: `Invoke ${fn.functionName}: version or alias` },
      );
      if (picked && 'error' in picked && picked.error) {
        this.showError(picked.error);
        return undefined;
      }
      return picked?.label;
    }
    if (choices.length === 1) return '$LATEST';
    const picked = await vscode.window.showQuickPick(
      choices.map((c) => ({ label: c.qualifier, description: c.detail })),
      { title: `Invoke ${fn.functionName}: version or alias` },
    );
    return picked?.label;
  }

  private async eventText(fn: FunctionChoice, args: InvokeArgs): Promise<string | undefined> {
    const store = this.store();
    if (args.savedEvent) return store?.read(fn.functionName, args.savedEvent);
    const account = fn.account ?? FALLBACK_ACCOUNT;
    // Without the server (still starting, or failed) the event keeps its example values, plus region and account.
    const ctx = await this.eventContext({ functionName: fn.functionName, region: fn.region, account }).catch(
      (): EventContextRequest.Result => ({ values: { region: fn.region, account }, suggested: [] }),
    );
    let eventId = args.eventId;
    if (!eventId) {
      const saved = store ? (await store.list(fn.functionName)).map((s) => s.name) : [];
      const choice = await this.pickEvent(eventChoices(saved, this.state.get<string[]>(RECENT_KEY, []), ctx.suggested), fn.functionName);
      if (!choice) return undefined;
      if (choice.kind === 'saved') return store?.read(fn.functionName, choice.name);
      if (choice.kind === 'empty') return '{}\n';
      eventId = choice.eventId;
    }
    const def = eventById(eventId);
    if (!def) {
      void vscode.window.showErrorMessage(`Unknown sample event "${eventId}". Run "lambda-lens events list" for the ids.`);
      return undefined;
    }
    let event;
    try {
      // Values given in the argument are checked (a mistyped key is an error); template values fill the rest.
      event = generateEvent(eventId, { ...pickParams(def, ctx.values), ...(args.set ?? {}) });
    } catch (e) {
      if (!(e instanceof EventCatalogueError)) throw e;
      void vscode.window.showErrorMessage(`Cannot build the ${eventId} event: ${e.message}`);
      return undefined;
    }
    await this.state.update(RECENT_KEY, pushRecent(this.state.get<string[]>(RECENT_KEY, []), eventId));
    return `${JSON.stringify(event, null, 2)}\n`;
  }

  private async pickEvent(choices: EventChoice[], functionName: string): Promise<Exclude<EventChoice, { kind: 'separator' }> | undefined> {
    type Item = vscode.QuickPickItem & { choice?: Exclude<EventChoice, { kind: 'separator' }> };
    const items: Item[] = choices.map((c) =>
      c.kind === 'separator' ? { label: c.label, kind: vscode.QuickPickItemKind.Separator } : { label: c.label, description: c.description, choice: c },
    );
    const picked = await vscode.window.showQuickPick(items, { title: `Invoke ${functionName}: event`, placeHolder: 'Filter by service, trigger or id', matchOnDescription: true });
    return picked?.choice;
  }
}

/** A quick pick that also answers the text typed in its filter box. */
function quickPickWithText<T extends vscode.QuickPickItem>(
  items: T[],
  options: { title: string; placeholder: string; matchOnDescription: boolean; matchOnDetail: boolean },
): Promise<{ picked: T | undefined; typed: string }> {
  const qp = vscode.window.createQuickPick<T>();
  Object.assign(qp, options, { items });
  return new Promise((resolve) => {
    let done = false;
    const finish = (picked: T | undefined): void => {
      if (done) return;
      done = true;
      const typed = qp.value;
      qp.dispose();
      resolve({ picked, typed });
    };
    qp.onDidAccept(() => finish(qp.selectedItems[0]));
    qp.onDidHide(() => finish(undefined));
    qp.show();
  });
}

function isArgs(arg: unknown): arg is InvokeArgs {
  return typeof arg === 'object' && arg !== null && !('kind' in arg) && !(arg instanceof vscode.Uri);
}

