/**
 * The rule registry: every rule, sorted by id. Listed explicitly (no directory scanning) so the
 * bundle contains exactly these; a test checks the order, ids, docs and test files.
 */
import { memorySize } from './limits/memorySize';
import { eniPermissions } from './vpc/eniPermissions';
import { incompleteConfig } from './vpc/incompleteConfig';
import { mixedVpcs } from './vpc/mixedVpcs';
import { noInternetEgress } from './vpc/noInternetEgress';
import { privateResourceUnreachable } from './vpc/privateResourceUnreachable';
import { singleSubnet } from './vpc/singleSubnet';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [
  memorySize,
  eniPermissions,
  incompleteConfig,
  mixedVpcs,
  noInternetEgress,
  privateResourceUnreachable,
  singleSubnet,
];
