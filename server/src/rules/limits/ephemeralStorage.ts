import { functionsOf } from '../../template/functions';
import { getAll } from '../../template/resolve';
import { LAMBDA_QUOTAS_URL, QUOTAS } from '../../quotas';
import { EACH_FUNCTION, checkIntegerRange, fmt } from '../helpers';
import type { Rule } from '../types';
import { changed, example } from '../docs';

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = example(`
  AWSTemplateFormatVersion: "2010-09-09"
  Resources:
    MyFunction:
      Type: AWS::Lambda::Function
      Properties:
        Role: arn:aws:iam::123456789012:role/my-function
        Runtime: python3.13
        Handler: app.handler
        Code: { S3Bucket: my-artifacts, S3Key: function.zip }
        EphemeralStorage:
          Size: 512
`);

/** limits/ephemeral-storage: EphemeralStorage.Size (/tmp) within 512..10,240 MB. */
export const ephemeralStorage: Rule = {
  meta: {
    id: 'limits/ephemeral-storage',
    severity: 'error',
    description: `EphemeralStorage.Size (/tmp) must be a whole number of MB in ${fmt(QUOTAS.ephemeralStorageMb.min)}..${fmt(QUOTAS.ephemeralStorageMb.max)}.`,
    docs: {
      bad: changed(EXAMPLE, ['        Size: 512\n', '        Size: 256\n']),
      good: EXAMPLE,
      url: LAMBDA_QUOTAS_URL,
    },
    fixable: true,
    reads: EACH_FUNCTION,
  },
  check(ctx) {
    for (const f of functionsOf(ctx.template)) {
      for (const storage of getAll(f.props, 'EphemeralStorage')) {
        for (const size of getAll(storage, 'Size')) checkIntegerRange(ctx, f, size, 'EphemeralStorage.Size', 'MB', QUOTAS.ephemeralStorageMb);
      }
    }
  },
};
