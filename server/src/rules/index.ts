/**
 * The rule registry: every rule, sorted by id. Listed explicitly (no directory scanning) so the
 * bundle contains exactly these; a test checks the order, ids, docs and test files.
 */
import { sqsVisibilityTimeout } from './events/sqsVisibilityTimeout';
import { memorySize } from './limits/memorySize';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [
  sqsVisibilityTimeout,
  memorySize,
];
