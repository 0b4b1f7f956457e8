import { get, pairOf, str } from '../../template/ast';
import type { Pair, Range } from '../../template/ast';
import { functionsOf } from '../../template/functions';
import type { FunctionView } from '../../template/functions';
import { invokersOf } from '../../template/invocation';
import { branches, resolveStrings } from '../../template/resolve';
import { SNAPSTART_RUNTIMES } from '../../quotas';
import { snapStartRuntimesText, snapStartSupports } from '../../runtimes';
import { EACH_FUNCTION, ownerOf, relatedFor } from '../helpers';
import type { Related, Rule, RuleContext } from '../types';
import { changed, example } from '../docs';

const TENANCY_URL = 'https://docs.aws.amazon.com/lambda/latest/dg/tenant-isolation.html';
const SAM_FUNCTION_URL = 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html';

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = example(`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Jobs:
      Type: AWS::SQS::Queue
    MyFunction:
      Type: AWS::Serverless::Function
      Properties:
        Handler: app.handler
        Runtime: python3.13
        CodeUri: src/
        TenancyConfig:
          TenantIsolationMode: PER_TENANT
        Events:
          Api:
            Type: Api
            Properties:
              Path: /jobs
              Method: post
`);

/** What a setting needs from the rest of the function. */
type Requirement =
  /** The other property must not be set too (reported at the other property). */
  | { readonly kind: 'not-with'; readonly property: string }
  /** The other property must be set too (reported at the setting). */
  | { readonly kind: 'needs'; readonly property: string }
  /** Only these triggers may invoke the function (reported at each other trigger). */
  | { readonly kind: 'invoked-only-by'; readonly kinds: readonly string[]; readonly names: string }
  /** The runtime must be one SnapStart supports (reported at the setting). */
  | { readonly kind: 'snapstart-runtime' };

interface Combination {
  /** The property the row is about. */
  readonly setting: string;
  readonly requirement: Requirement;
  /** True for rows only the SAM transform enforces (properties of AWS::Serverless::Function). */
  readonly samOnly?: boolean;
  /** Why, as the end of a sentence. */
  readonly why: string;
  readonly url: string;
}

/**
 * The combinations Lambda or the SAM transform rejects. The SAM side follows the translator's own
 * validation (samtranslator/model/sam_resources.py: `__validation_rules__` and
 * `_validate_tenancy_config_compatibility`); tenant isolation's limits are Lambda's (TENANCY_URL).
 */
const COMBINATIONS: readonly Combination[] = [
  { setting: 'TenancyConfig', requirement: { kind: 'not-with', property: 'ProvisionedConcurrencyConfig' }, why: 'tenant isolation does not support provisioned concurrency', url: TENANCY_URL },
  { setting: 'TenancyConfig', requirement: { kind: 'not-with', property: 'SnapStart' }, why: 'tenant isolation does not support SnapStart', url: TENANCY_URL },
  { setting: 'TenancyConfig', requirement: { kind: 'invoked-only-by', kinds: ['Api', 'HttpApi'], names: 'API Gateway (Api and HttpApi events)' }, why: 'tenant isolation supports no function URLs and no event source other than API Gateway, which passes the tenant id every invocation needs', url: TENANCY_URL },
  { setting: 'CapacityProviderConfig', requirement: { kind: 'not-with', property: 'VpcConfig' }, why: 'Lambda Managed Instances run in the subnets and security groups of their capacity provider', url: SAM_FUNCTION_URL },
  { setting: 'CapacityProviderConfig', requirement: { kind: 'not-with', property: 'ProvisionedConcurrencyConfig' }, why: 'Lambda Managed Instances keep execution environments through FunctionScalingConfig instead', url: SAM_FUNCTION_URL },
  { setting: 'FunctionScalingConfig', requirement: { kind: 'needs', property: 'CapacityProviderConfig' }, why: 'it scales the execution environments of Lambda Managed Instances', url: SAM_FUNCTION_URL },
  { setting: 'VersionDeletionPolicy', requirement: { kind: 'needs', property: 'AutoPublishAlias' }, samOnly: true, why: 'it applies to the version SAM publishes for AutoPublishAlias', url: SAM_FUNCTION_URL },
  { setting: 'SnapStart', requirement: { kind: 'snapstart-runtime' }, why: `SnapStart supports ${snapStartRuntimesText()}`, url: SNAPSTART_RUNTIMES.url },
];

/** limits/incompatible-settings: function settings Lambda or SAM reject together (or alone). */
export const incompatibleSettings: Rule = {
  meta: {
    id: 'limits/incompatible-settings',
    severity: 'error',
    description: `Function settings that Lambda or SAM reject in combination: TenancyConfig with provisioned concurrency, SnapStart, function URLs or non-API triggers; CapacityProviderConfig with VpcConfig or provisioned concurrency; FunctionScalingConfig without CapacityProviderConfig; VersionDeletionPolicy without AutoPublishAlias; SnapStart on runtimes other than ${snapStartRuntimesText()}.`,
    docs: {
      bad: changed(EXAMPLE, ['        Api:\n          Type: Api\n          Properties:\n            Path: /jobs\n            Method: post\n', '        Jobs:\n          Type: SQS\n          Properties:\n            Queue: !GetAtt Jobs.Arn\n']),
      good: EXAMPLE,
      url: TENANCY_URL,
      references: [
        'https://github.com/aws/serverless-application-model/blob/develop/samtranslator/model/sam_resources.py',
        'https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html',
        'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html',
      ],
    },
    fixable: false,
    reads: EACH_FUNCTION,
  },
  check(ctx) {
    for (const f of functionsOf(ctx.template)) {
      for (const row of COMBINATIONS) {
        if (row.samOnly && !f.sam) continue;
        const setting = setPair(f, row.setting);
        if (setting) checkRow(ctx, f, row, setting);
      }
    }
  },
};

function checkRow(ctx: RuleContext, f: FunctionView, row: Combination, setting: Pair): void {
  const t = ctx.template;
  const r = row.requirement;
  const because: Related = { range: setting.keyRange, message: `${f.id} sets ${row.setting} here.` };
  switch (r.kind) {
    case 'not-with': {
      const other = setPair(f, r.property);
      if (other) report(ctx, f, other.keyRange, `${r.property} cannot be combined with ${row.setting}: ${row.why}. Remove one of them.`, [because]);
      return;
    }
    case 'needs':
      if (!setPair(f, r.property)) report(ctx, f, setting.keyRange, `${row.setting} needs ${r.property}: ${row.why}. Add ${r.property}, or remove ${row.setting}.`, []);
      return;
    case 'invoked-only-by':
      for (const i of invokersOf(t, f)) {
        if (r.kinds.includes(i.kind)) continue;
        report(ctx, f, i.range, `${i.label} cannot invoke ${f.id}, which sets ${row.setting}: ${row.why}. Only ${r.names} can trigger it.`, [because]);
      }
      return;
    case 'snapstart-runtime':
      snapStartRuntime(ctx, f, row, setting);
      return;
  }
}

function snapStartRuntime(ctx: RuleContext, f: FunctionView, row: Combination, setting: Pair): void {
  for (const c of resolveStrings(ctx.template, get(f.props, 'Runtime'))) {
    if (snapStartSupports(c.value)) continue;
    report(ctx, f, setting.keyRange, `SnapStart is not available for ${c.value}: ${row.why}. Remove SnapStart or move to a supported runtime.`, [
      { range: c.at, message: `${f.id} runs ${c.value}.` },
      ...relatedFor(undefined, c),
    ]);
  }
}

/**
 * The pair of a property that is set: present, not only `!Ref AWS::NoValue`, and for SnapStart
 * not `ApplyOn: None` (which leaves SnapStart off).
 */
function setPair(f: FunctionView, key: string): Pair | undefined {
  const pair = pairOf(f.props, key);
  if (!pair || branches(pair.value).length === 0) return undefined;
  if (key === 'SnapStart' && branches(pair.value).every((b) => str(get(b, 'ApplyOn')) === 'None')) return undefined;
  return pair;
}

function report(ctx: RuleContext, f: FunctionView, range: Range, message: string, extra: readonly Related[]): void {
  const owner = ownerOf(f, range);
  ctx.report({ range, message, related: [...extra, ...owner.related], resource: owner.resource });
}
