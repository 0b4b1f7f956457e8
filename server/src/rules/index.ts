/**
 * The rule registry: every rule, sorted by id. Listed explicitly (no directory scanning) so the
 * bundle contains exactly these; a test checks the order, ids, docs and test files.
 */
import { environmentKeys } from './limits/environmentKeys';
import { environmentSize } from './limits/environmentSize';
import { ephemeralStorage } from './limits/ephemeralStorage';
import { imagePackage } from './limits/imagePackage';
import { inlineCode } from './limits/inlineCode';
import { layers } from './limits/layers';
import { memorySize } from './limits/memorySize';
import { names } from './limits/names';
import { packageSize } from './limits/packageSize';
import { reservedConcurrency } from './limits/reservedConcurrency';
import { templateSize } from './limits/templateSize';
import { timeout } from './limits/timeout';
import { deprecated } from './runtime/deprecated';
import { zipNeedsHandler } from './runtime/zipNeedsHandler';
import { functionUrlPublic } from './security/functionUrlPublic';
import { permissionPrincipal } from './security/permissionPrincipal';
import { secretInEnvironment } from './security/secretInEnvironment';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [
  environmentKeys,
  environmentSize,
  ephemeralStorage,
  imagePackage,
  inlineCode,
  layers,
  memorySize,
  names,
  packageSize,
  reservedConcurrency,
  templateSize,
  timeout,
  deprecated,
  zipNeedsHandler,
  functionUrlPublic,
  permissionPrincipal,
  secretInEnvironment,
];
