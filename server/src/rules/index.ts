/**
 * The rule registry: every rule, sorted by id. Listed explicitly (no directory scanning) so the
 * bundle contains exactly these; a test checks the order, ids, docs and test files.
 */
import { roleTrust } from './edge/roleTrust';
import { unsupportedConfig } from './edge/unsupportedConfig';
import { versionRequired } from './edge/versionRequired';
import { viewerLimits } from './edge/viewerLimits';
import { apiTimeout } from './events/apiTimeout';
import { cognitoTrigger } from './events/cognitoTrigger';
import { logSubscriptionCount } from './events/logSubscriptionCount';
import { s3BucketNotInTemplate } from './events/s3BucketNotInTemplate';
import { s3RecursiveTrigger } from './events/s3RecursiveTrigger';
import { scheduleExpression } from './events/scheduleExpression';
import { sqsBatching } from './events/sqsBatching';
import { sqsVisibilityTimeout } from './events/sqsVisibilityTimeout';
import { streamSettings } from './events/streamSettings';
import { memorySize } from './limits/memorySize';
import { eniPermissions } from './vpc/eniPermissions';
import { incompleteConfig } from './vpc/incompleteConfig';
import { mixedVpcs } from './vpc/mixedVpcs';
import { noInternetEgress } from './vpc/noInternetEgress';
import { privateResourceUnreachable } from './vpc/privateResourceUnreachable';
import { singleSubnet } from './vpc/singleSubnet';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [
  roleTrust,
  unsupportedConfig,
  versionRequired,
  viewerLimits,
  apiTimeout,
  cognitoTrigger,
  logSubscriptionCount,
  s3BucketNotInTemplate,
  s3RecursiveTrigger,
  scheduleExpression,
  sqsBatching,
  sqsVisibilityTimeout,
  streamSettings,
  memorySize,
  eniPermissions,
  incompleteConfig,
  mixedVpcs,
  noInternetEgress,
  privateResourceUnreachable,
  singleSubnet,
];
