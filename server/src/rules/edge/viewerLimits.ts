import { edgeAssociationsOf } from '../../template/edge';
import { fromGlobals, functionsOf } from '../../template/functions';
import { EDGE_QUOTAS, QUOTAS } from '../../quotas';
import { replaceValueFix } from '../edits';
import { EACH_FUNCTION, relatedFor } from '../helpers';
import type { Related, Rule } from '../types';
import { effectiveNumbers } from '../events/shared';
import { changed } from '../docs';
import { EDGE_APP } from './examples';

const URL = 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html#limits-lambda-at-edge';

/** edge/viewer-limits: memory and timeout caps of Lambda@Edge functions by trigger. */
export const viewerLimits: Rule = {
  meta: {
    id: 'edge/viewer-limits',
    severity: 'error',
    description: `Lambda@Edge viewer-request and viewer-response functions allow at most ${EDGE_QUOTAS.viewerMaxMemoryMb} MB and ${EDGE_QUOTAS.viewerMaxTimeoutSeconds} s; origin-request and origin-response functions at most ${EDGE_QUOTAS.originMaxTimeoutSeconds} s.`,
    docs: {
      bad: changed(EDGE_APP, ['      AutoPublishAlias: live\n', '      AutoPublishAlias: live\n      MemorySize: 512\n      Timeout: 10\n']),
      good: changed(EDGE_APP, ['      AutoPublishAlias: live\n', '      AutoPublishAlias: live\n      MemorySize: 128\n      Timeout: 5\n']),
      url: URL,
    },
    fixable: true,
    reads: EACH_FUNCTION,
    narrows: ['limits/memory-size', 'limits/timeout'],
  },
  check(ctx) {
    const t = ctx.template;
    for (const f of functionsOf(t)) {
      const associations = edgeAssociationsOf(t, f.id).filter((a) => a.eventType);
      const viewer = associations.find((a) => a.eventType!.startsWith('viewer-'));
      const origin = associations.find((a) => a.eventType!.startsWith('origin-'));
      const checks = [
        ...(viewer ? [{ key: 'MemorySize', unit: 'MB', max: EDGE_QUOTAS.viewerMaxMemoryMb, fallback: QUOTAS.defaultMemoryMb, a: viewer }] : []),
        viewer
          ? { key: 'Timeout', unit: 's', max: EDGE_QUOTAS.viewerMaxTimeoutSeconds, fallback: QUOTAS.defaultTimeoutSeconds, a: viewer }
          : origin
            ? { key: 'Timeout', unit: 's', max: EDGE_QUOTAS.originMaxTimeoutSeconds, fallback: QUOTAS.defaultTimeoutSeconds, a: origin }
            : undefined,
      ];
      for (const c of checks) {
        if (!c) continue;
        for (const v of effectiveNumbers(t, f.props, c.key, c.fallback)) {
          if (!v.candidate || v.value <= c.max) continue;
          const related: Related[] = [
            ...relatedFor(f, v.candidate),
            { range: c.a.eventTypeNode?.range ?? c.a.range, message: `${c.a.distributionId} runs ${f.id} on ${c.a.eventType}.` },
          ];
          ctx.report({
            range: v.candidate.at,
            message: `${f.id} runs on ${c.a.eventType} in CloudFront, where Lambda@Edge allows ${c.key} of at most ${c.max} ${c.unit}; it has ${v.value} ${c.unit}. Set ${c.key} to ${c.max} or less.`,
            related,
            fixes: [replaceValueFix(`Set ${c.key} to ${c.max}`, v.candidate, String(c.max))],
            ...(fromGlobals(f, v.candidate.at) ? {} : { resource: f.id }),
          });
        }
      }
    }
  },
};
