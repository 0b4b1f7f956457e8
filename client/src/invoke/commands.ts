/**
 * Every invoke command, id -> handler, in one table that matches package.json's contributes.commands
 * (a test checks both ways). Handlers return what they did so callers of executeCommand can use it.
 */
import type { InvokeFlow } from './flow';
import type { InvocationType } from './guards';

type Handler = (...args: unknown[]) => unknown;

/** The flow methods the commands call. */
export type InvokeActions = Pick<InvokeFlow, 'invoke' | 'invokePayload' | 'chooseInvocationType' | 'saveEvent'>;

/** The invoke command table. */
export function invokeCommands(flow: InvokeActions): Record<string, Handler> {
  return {
    'lambdaLens.invoke': (arg?: unknown) => flow.invoke(arg),
    'lambdaLens.invokePayload': (uri?: unknown, confirmed?: unknown) => flow.invokePayload(uri, confirmed === true),
    'lambdaLens.chooseInvocationType': (uri?: unknown, type?: unknown) => flow.chooseInvocationType(uri, type as InvocationType | undefined),
    'lambdaLens.saveEvent': (uri?: unknown, name?: unknown) => flow.saveEvent(uri, typeof name === 'string' ? name : undefined),
  };
}
