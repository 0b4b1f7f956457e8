/** Which function an invocation is for, from what the user typed or what the explorer knows. */

/** A function to invoke. */
export interface FunctionChoice {
  region: string;
  functionName: string;
  /** Known when picked from the explorer's list or given as an ARN. */
  account: string | undefined;
  /** Given as part of an ARN (`...:function:orders:live`). */
  qualifier?: string;
}

const FUNCTION_ARN = /^arn:[^:]+:lambda:([^:]+):(\d{12}):function:([^:]+)(?::(.+))?$/;

/** The account id of a function ARN. */
export function accountOf(arn: string | undefined): string | undefined {
  return arn ? FUNCTION_ARN.exec(arn)?.[2] : undefined;
}

/** A typed name or ARN (`arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]`). */
export function parseNameOrArn(text: string, defaultRegion: string): FunctionChoice {
  const m = FUNCTION_ARN.exec(text.trim());
  if (m) return { region: m[1]!, account: m[2], functionName: m[3]!, ...(m[4] ? { qualifier: m[4] } : {}) };
  return { region: defaultRegion, functionName: text.trim(), account: undefined };
}

/** Why `text` cannot name a function, or undefined when it can. */
export function checkFunctionInput(text: string): string | undefined {
  const t = text.trim();
  if (FUNCTION_ARN.test(t)) return undefined;
  return /^[A-Za-z0-9_-]{1,140}$/.test(t) ? undefined : 'Enter a function name (letters, digits, - and _) or a function ARN.';
}
