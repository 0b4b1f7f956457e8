/**
 * The rule registry: every rule, sorted by id. Listed explicitly (no directory scanning) so the
 * bundle contains exactly these; a test checks the order, ids, docs and test files.
 */
import { memorySize } from './limits/memorySize';
import { engineFamily } from './rds-proxy/engineFamily';
import { functionNotInVpc } from './rds-proxy/functionNotInVpc';
import { noTarget } from './rds-proxy/noTarget';
import { directConnection } from './rds/directConnection';
import { eventSubscription } from './rds/eventSubscription';
import { lambdaInvokeEngine } from './rds/lambdaInvokeEngine';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [
  memorySize,
  engineFamily,
  functionNotInVpc,
  noTarget,
  directConnection,
  eventSubscription,
  lambdaInvokeEngine,
];
