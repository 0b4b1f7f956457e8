/**
 * Environment variables of a function view, shared by the environment size, key and secret rules:
 * every `Environment.Variables` map the function can end up with (both `!If` branches), after the
 * SAM Globals merge, with the range of the `Variables` key to report map-wide findings at.
 */
import { pairOf } from '../template/ast';
import type { MapNode, Pair, Range } from '../template/ast';
import { branches } from '../template/resolve';
import type { FunctionView } from '../template/functions';
import type { Template } from '../template/model';

/** Keys that name a credential. */
const CREDENTIAL_KEY = /PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL/i;
/** Keys that name where a credential lives or how it behaves, not the credential itself. */
const POINTER_KEY = /(_|^)(ARN|NAME|ID|IDS|PATH|PARAM|PARAMETER|TABLE|TTL|EXPIRY|EXPIRATION|LENGTH|HEADER|URL|URI|ENDPOINT|REGION|ENABLED|TYPE)$/i;
/** An AWS access key id (long-term AKIA, temporary ASIA). */
export const ACCESS_KEY_ID = /\b(AKIA|ASIA)[A-Z0-9]{16}\b/;
/** A CloudFormation dynamic reference (`{{resolve:secretsmanager:...}}`), resolved only at deploy time. */
export const DYNAMIC_REFERENCE = /\{\{resolve:/;

/** Answers by key: a template repeats the same few keys in every function. */
const credentialKeys = new Map<string, boolean>();

/** True when a variable's key names a credential (`DB_PASSWORD`), not where one lives (`DB_PASSWORD_ARN`). */
export function isCredentialKey(key: string): boolean {
  let answer = credentialKeys.get(key);
  if (answer === undefined) {
    if (credentialKeys.size > 10_000) credentialKeys.clear();
    credentialKeys.set(key, (answer = CREDENTIAL_KEY.test(key) && !POINTER_KEY.test(key)));
  }
  return answer;
}

export interface Variables {
  /** The `Variables` key (own, or the Globals one when the function has none). */
  readonly keyRange: Range;
  readonly map: MapNode;
  /** The variables, without duplicates of one key (the resource's value wins, as in SAM). */
  readonly vars: readonly Pair[];
}

/** Every environment variable map of a function (one per `!If` alternative), computed once per model. */
export function variablesOf(t: Template, f: FunctionView): readonly Variables[] {
  const cache = t.memo('environmentVariables', () => new Map<string, readonly Variables[]>());
  let found = cache.get(f.id);
  if (!found) cache.set(f.id, (found = collect(f)));
  return found;
}

function collect(f: FunctionView): Variables[] {
  const out: Variables[] = [];
  for (const env of branches(pairOf(f.props, 'Environment')?.value)) {
    if (env.kind !== 'map') continue;
    const pair = pairOf(env, 'Variables');
    if (!pair) continue;
    for (const map of branches(pair.value)) {
      if (map.kind !== 'map') continue;
      const byKey = new Map<string, Pair>();
      for (const p of map.pairs) byKey.set(p.key, p);
      out.push({ keyRange: pair.keyRange, map, vars: [...byKey.values()] });
    }
  }
  return out;
}
