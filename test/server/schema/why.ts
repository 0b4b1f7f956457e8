/** The template of issue 10's "Why": each mistake, the line and column it is reported at, and its rule. */
import { join } from 'node:path';

export const WHY_TEMPLATE = join(__dirname, '..', '..', 'fixtures', 'schema', 'why.yaml');

/** [1-based line, 1-based column, rule id] of each mistake, in document order. */
export const WHY_FINDINGS: ReadonlyArray<readonly [number, number, string]> = [
  [10, 21, 'template/unresolved-reference'], // Role: !GetAtt ReaderRole.Arn (no such resource)
  [11, 7, 'schema/unknown-property'], // MemorySze: 512
  [12, 16, 'schema/invalid-value'], // Tracing: Enabled
  [15, 20, 'schema/invalid-value'], // SubnetIds: subnet-… (a string, not a list)
  [18, 17, 'schema/invalid-value'], // Type: SQSS
  [25, 13, 'schema/unknown-property'], // BatchSizee
  [28, 11, 'schema/required'], // an Api event without Method
];
