import { application } from '../../../../server/src/rules/sam/application';
import { ruleTester } from '../../../support/ruleTester';

const t = (location: string) => `Transform: AWS::Serverless-2016-10-31
Parameters:
  AppId:
    Type: String
    Default: arn:aws:serverlessrepo:us-east-1:123456789012:applications/auth
Mappings:
  Apps:
    us-east-1: { Version: 1.2.0 }
Resources:
  Auth:
    Type: AWS::Serverless::Application
    Properties:
      Location:
${location}`;

ruleTester(application, {
  valid: [
    { name: 'an application ARN and a version', template: t('        ApplicationId: arn:aws:serverlessrepo:us-east-1:123456789012:applications/auth\n        SemanticVersion: 1.2.0\n') },
    { name: 'a parameter and a mapping, which SAM resolves', template: t('        ApplicationId: !Ref AppId\n        SemanticVersion: !FindInMap [Apps, !Ref AWS::Region, Version]\n') },
    { name: 'a template URL', template: t('').replace('Location:\n', 'Location: https://s3.amazonaws.com/bucket/template.yaml\n') },
  ],
  invalid: [
    {
      name: 'a name instead of an ARN, and no SemanticVersion',
      template: t('        ApplicationId: auth\n'),
      errors: [{ line: 13, column: 7, messageIncludes: 'no SemanticVersion' }, { line: 14, column: 24, messageIncludes: 'not the ARN' }],
    },
    {
      name: 'an empty ApplicationId and a number for the version',
      template: t('        ApplicationId:\n        SemanticVersion: 1.2\n'),
      errors: [{ line: 14, column: 9 }, { line: 15, column: 26, messageIncludes: 'a number' }],
    },
    {
      name: 'a !Sub, which SAM cannot resolve when it looks the application up',
      template: t("        ApplicationId: !Sub 'arn:aws:serverlessrepo:${AWS::Region}:123456789012:applications/auth'\n        SemanticVersion: 1.2.0\n"),
      errors: [{ line: 14, column: 24, messageIncludes: 'only !Ref' }],
    },
    {
      name: 'a dynamic reference as the ApplicationId',
      template: t("        ApplicationId: '{{resolve:ssm:/auth/application}}'\n        SemanticVersion: 1.2.0\n"),
      errors: [{ line: 14, column: 24, messageIncludes: 'dynamic reference' }],
    },
  ],
});
