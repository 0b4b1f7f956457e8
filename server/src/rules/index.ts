/**
 * The rule registry: every rule, sorted by id. Listed explicitly (no directory scanning) so the
 * bundle contains exactly these; a test checks the order, ids, docs and test files.
 */
import { memorySize } from './limits/memorySize';
import { authSecret } from './rds-proxy/authSecret';
import { engineFamily } from './rds-proxy/engineFamily';
import { functionNotInVpc } from './rds-proxy/functionNotInVpc';
import { iamAuth } from './rds-proxy/iamAuth';
import { noTarget } from './rds-proxy/noTarget';
import { securityGroupIngress } from './rds-proxy/securityGroupIngress';
import { vpcMismatch } from './rds-proxy/vpcMismatch';
import { directConnection } from './rds/directConnection';
import { eventSubscription } from './rds/eventSubscription';
import { lambdaInvokeEngine } from './rds/lambdaInvokeEngine';
import { lambdaInvokePermission } from './rds/lambdaInvokePermission';
import { eniPermissions } from './vpc/eniPermissions';
import { incompleteConfig } from './vpc/incompleteConfig';
import { mixedVpcs } from './vpc/mixedVpcs';
import { noInternetEgress } from './vpc/noInternetEgress';
import { privateResourceUnreachable } from './vpc/privateResourceUnreachable';
import { singleSubnet } from './vpc/singleSubnet';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [
  memorySize,
  authSecret,
  engineFamily,
  functionNotInVpc,
  iamAuth,
  noTarget,
  securityGroupIngress,
  vpcMismatch,
  directConnection,
  eventSubscription,
  lambdaInvokeEngine,
  lambdaInvokePermission,
  eniPermissions,
  incompleteConfig,
  mixedVpcs,
  noInternetEgress,
  privateResourceUnreachable,
  singleSubnet,
];
