/** Which function an invocation is for, from what the user typed or what the explorer knows. */
import { isAccountId, parseFunctionArn } from '../../../server/src/arn';
import type { FunctionArn } from '../../../server/src/arn';

/** A function to invoke. */
export interface FunctionChoice {
  region: string;
  functionName: string;
  /** Known when picked from the explorer's list or given as an ARN. */
  account: string | undefined;
  /** Given as part of an ARN (`...:function:orders:live`). */
  qualifier?: string;
}

/** A function ARN that can be invoked: it names the Region and the account. */
function invocableArn(text: string): FunctionArn | undefined {
  const arn = parseFunctionArn(text);
  return arn && arn.region !== '' && isAccountId(arn.account) ? arn : undefined;
}

/** The account id of a function ARN. */
export function accountOf(arn: string | undefined): string | undefined {
  return arn ? invocableArn(arn)?.account : undefined;
}

/** A typed name or ARN (`arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]`). */
export function parseNameOrArn(text: string, defaultRegion: string): FunctionChoice {
  const arn = invocableArn(text.trim());
  if (arn) return { region: arn.region, account: arn.account, functionName: arn.name, ...(arn.qualifier ? { qualifier: arn.qualifier } : {}) };
  return { region: defaultRegion, functionName: text.trim(), account: undefined };
}

/** Why `text` cannot name a function, or undefined when it can. */
export function checkFunctionInput(text: string): string | undefined {
  const t = text.trim();
  if (invocableArn(t)) return undefined;
  return /^[A-Za-z0-9_-]{1,140}$/.test(t) ? undefined : 'Enter a function name (letters, digits, - and _) or a function ARN.';
}
