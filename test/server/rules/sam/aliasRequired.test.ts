import { aliasRequired } from '../../../../server/src/rules/sam/aliasRequired';
import { ruleTester } from '../../../support/ruleTester';

const t = (props: string, alias = 'live') => `Transform: AWS::Serverless-2016-10-31
Parameters:
  Alias:
    Type: String
    Default: '${alias}'
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
${props}`;

ruleTester(aliasRequired, {
  valid: [
    { name: 'a deployment preference with an alias', template: t('      AutoPublishAlias: live\n      DeploymentPreference: { Type: AllAtOnce }\n') },
    { name: 'a deployment preference that is switched off', template: t('      DeploymentPreference: { Enabled: false }\n') },
    { name: 'an alias from a parameter', template: t('      AutoPublishAlias: !Ref Alias\n      ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 1 }\n') },
  ],
  invalid: [
    { name: 'a deployment preference without an alias', template: t('      DeploymentPreference: { Type: AllAtOnce }\n'), errors: [{ line: 10, column: 7 }] },
    { name: 'provisioned concurrency without an alias', template: t('      ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 1 }\n'), errors: [{ line: 10, column: 7 }] },
    { name: 'an invalid alias name', template: t("      AutoPublishAlias: 'live*now'\n"), errors: [{ line: 10, column: 25 }] },
    { name: 'an empty alias', template: t('      AutoPublishAlias:\n      DeploymentPreference: { Type: AllAtOnce }\n'), errors: [{ line: 10, column: 7 }] },
    { name: 'an alias from a parameter whose default is empty', template: t('      AutoPublishAlias: !Ref Alias\n', ''), errors: [{ line: 10, column: 25, related: [[5, 14]], messageIncludes: 'empty string' }] },
  ],
});
