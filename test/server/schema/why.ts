/** The template of issue 10's "Why": each mistake, the line and column it is reported at, and its rule. */
import { join } from 'node:path';

export const WHY_TEMPLATE = join(__dirname, '..', '..', 'fixtures', 'schema', 'why.yaml');

/** [1-based line, 1-based column, rule id] of each mistake, in document order. */
export const WHY_FINDINGS: ReadonlyArray<readonly [number, number, string]> = [
  [10, 7, 'schema/unknown-property'], // MemorySze: 512
  [11, 16, 'schema/invalid-value'], // Tracing: Enabled
  [14, 20, 'schema/invalid-value'], // SubnetIds: subnet-… (a string, not a list)
  [17, 17, 'schema/invalid-value'], // Type: SQSS
  [24, 13, 'schema/unknown-property'], // BatchSizee
  [27, 11, 'schema/required'], // an Api event without Method
];
