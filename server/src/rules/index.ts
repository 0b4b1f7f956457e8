/**
 * The rule registry: every rule, sorted by id. Listed explicitly (no directory scanning) so the
 * bundle contains exactly these; a test checks the order, ids, docs and test files.
 */
import { drift } from './deployed/drift';
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
import { durableConfig } from './limits/durableConfig';
import { environmentKeys } from './limits/environmentKeys';
import { environmentSize } from './limits/environmentSize';
import { ephemeralStorage } from './limits/ephemeralStorage';
import { imagePackage } from './limits/imagePackage';
import { incompatibleSettings } from './limits/incompatibleSettings';
import { inlineCode } from './limits/inlineCode';
import { layers } from './limits/layers';
import { loggingConfig } from './limits/loggingConfig';
import { memorySize } from './limits/memorySize';
import { names } from './limits/names';
import { packageSize } from './limits/packageSize';
import { reservedConcurrency } from './limits/reservedConcurrency';
import { templateSize } from './limits/templateSize';
import { timeout } from './limits/timeout';
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
import { deprecated } from './runtime/deprecated';
import { zipNeedsHandler } from './runtime/zipNeedsHandler';
import { aliasRequired } from './sam/aliasRequired';
import { apiAuthorizer } from './sam/apiAuthorizer';
import { apiDomain } from './sam/apiDomain';
import { apiEvent } from './sam/apiEvent';
import { apiReference } from './sam/apiReference';
import { application } from './sam/application';
import { codeUri } from './sam/codeUri';
import { connectorReference } from './sam/connectorReference';
import { cors } from './sam/cors';
import { deadLetterQueue } from './sam/deadLetterQueue';
import { definitionBody } from './sam/definitionBody';
import { destinations } from './sam/destinations';
import { eventDeadLetter } from './sam/eventDeadLetter';
import { eventProperties } from './sam/eventProperties';
import { eventSourceAccess } from './sam/eventSourceAccess';
import { exclusiveProperties } from './sam/exclusiveProperties';
import { functionCode } from './sam/functionCode';
import { functionUrl } from './sam/functionUrl';
import { gatewayResponses } from './sam/gatewayResponses';
import { generatedIds } from './sam/generatedIds';
import { httpApiAuthorizer } from './sam/httpApiAuthorizer';
import { intrinsicArguments } from './sam/intrinsicArguments';
import { logicalId } from './sam/logicalId';
import { policies } from './sam/policies';
import { propertyTypes } from './sam/propertyTypes';
import { reservedTag } from './sam/reservedTag';
import { simpleTable } from './sam/simpleTable';
import { templateStructure } from './sam/templateStructure';
import { websocketApi } from './sam/websocketApi';
import { invalidValue } from './schema/invalidValue';
import { required } from './schema/required';
import { unknownProperty } from './schema/unknownProperty';
import { functionUrlPublic } from './security/functionUrlPublic';
import { permissionPrincipal } from './security/permissionPrincipal';
import { secretInEnvironment } from './security/secretInEnvironment';
import { duplicateKey } from './template/duplicateKey';
import { transformMissing } from './template/transformMissing';
import { eniPermissions } from './vpc/eniPermissions';
import { incompleteConfig } from './vpc/incompleteConfig';
import { mixedVpcs } from './vpc/mixedVpcs';
import { noInternetEgress } from './vpc/noInternetEgress';
import { privateResourceUnreachable } from './vpc/privateResourceUnreachable';
import { singleSubnet } from './vpc/singleSubnet';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [
  drift,
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
  durableConfig,
  environmentKeys,
  environmentSize,
  ephemeralStorage,
  imagePackage,
  incompatibleSettings,
  inlineCode,
  layers,
  loggingConfig,
  memorySize,
  names,
  packageSize,
  reservedConcurrency,
  templateSize,
  timeout,
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
  deprecated,
  zipNeedsHandler,
  aliasRequired,
  apiAuthorizer,
  apiDomain,
  apiEvent,
  apiReference,
  application,
  codeUri,
  connectorReference,
  cors,
  deadLetterQueue,
  definitionBody,
  destinations,
  eventDeadLetter,
  eventProperties,
  eventSourceAccess,
  exclusiveProperties,
  functionCode,
  functionUrl,
  gatewayResponses,
  generatedIds,
  httpApiAuthorizer,
  intrinsicArguments,
  logicalId,
  policies,
  propertyTypes,
  reservedTag,
  simpleTable,
  templateStructure,
  websocketApi,
  invalidValue,
  required,
  unknownProperty,
  functionUrlPublic,
  permissionPrincipal,
  secretInEnvironment,
  duplicateKey,
  transformMissing,
  eniPermissions,
  incompleteConfig,
  mixedVpcs,
  noInternetEgress,
  privateResourceUnreachable,
  singleSubnet,
];
