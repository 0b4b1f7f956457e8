import { get } from '../../template/ast';
import { resolveStrings } from '../../template/resolve';
import { relatedFor } from '../helpers';
import type { Rule } from '../types';
import { changed, example } from '../docs';

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = example(`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    MyFunction:
      Type: AWS::Serverless::Function
      Properties:
        Handler: index.handler
        Runtime: nodejs22.x
        CodeUri: src/
    UploadBucket:
      Type: AWS::S3::Bucket
    InvokePermission:
      Type: AWS::Lambda::Permission
      Properties:
        Action: lambda:InvokeFunction
        FunctionName: !Ref MyFunction
        Principal: s3.amazonaws.com
        SourceArn: !GetAtt UploadBucket.Arn
        SourceAccount: !Ref AWS::AccountId
`);

/** security/permission-principal: Lambda permissions name who may invoke, and from which resource. */
export const permissionPrincipal: Rule = {
  meta: {
    id: 'security/permission-principal',
    severity: 'warning',
    description: 'An AWS::Lambda::Permission grants neither Principal "*" nor a service principal without SourceArn or SourceAccount.',
    docs: {
      bad: changed(EXAMPLE, ['      SourceArn: !GetAtt UploadBucket.Arn\n      SourceAccount: !Ref AWS::AccountId\n', '']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-services.html',
    },
    fixable: false,
    reads: { each: ['AWS::Lambda::Permission'], types: { '*': '*' } },
  },
  check(ctx) {
    for (const r of ctx.template.ofType('AWS::Lambda::Permission')) {
      const props = r.properties;
      // Scoped another way: to an AWS Organization, or with an Alexa skill token.
      if (get(props, 'PrincipalOrgID') || get(props, 'EventSourceToken')) continue;
      const scoped = get(props, 'SourceArn') !== undefined || get(props, 'SourceAccount') !== undefined;
      for (const c of resolveStrings(ctx.template, get(props, 'Principal'))) {
        const message = c.value === '*'
          ? `Principal "*" lets any AWS account (or anyone, through a function URL) invoke the function. Name the account or service principal, and scope it with SourceArn / SourceAccount.`
          : c.value.endsWith('.amazonaws.com') && !scoped
            ? `Service principal ${c.value} without SourceArn or SourceAccount lets that service invoke the function on behalf of any AWS account (the confused deputy problem). Add SourceArn (the bucket, topic, rule or API) or SourceAccount.`
            : undefined;
        if (message) ctx.report({ range: c.at, message, related: relatedFor(undefined, c), resource: r.id });
      }
    }
  },
};
