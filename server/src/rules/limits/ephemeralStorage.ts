import { functionsOf } from '../../template/functions';
import { getAll } from '../../template/resolve';
import { LAMBDA_QUOTAS_URL, QUOTAS } from '../../quotas';
import { checkIntegerRange } from '../helpers';
import type { Rule } from '../types';

/** limits/ephemeral-storage: EphemeralStorage.Size (/tmp) within 512..10,240 MB. */
export const ephemeralStorage: Rule = {
  meta: {
    id: 'limits/ephemeral-storage',
    severity: 'error',
    description: 'EphemeralStorage.Size (/tmp) must be a whole number of MB in 512..10,240.',
    docs: {
      bad: 'MyFunction:\n  Type: AWS::Lambda::Function\n  Properties:\n    EphemeralStorage:\n      Size: 256',
      good: 'MyFunction:\n  Type: AWS::Lambda::Function\n  Properties:\n    EphemeralStorage:\n      Size: 512',
      url: LAMBDA_QUOTAS_URL,
    },
    fixable: true,
  },
  check(ctx) {
    for (const f of functionsOf(ctx.template)) {
      for (const storage of getAll(f.props, 'EphemeralStorage')) {
        for (const size of getAll(storage, 'Size')) checkIntegerRange(ctx, f, size, 'EphemeralStorage.Size', 'MB', QUOTAS.ephemeralStorageMb);
      }
    }
  },
};
