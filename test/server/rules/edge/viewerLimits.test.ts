import { viewerLimits } from '../../../../server/src/rules/edge/viewerLimits';
import { ruleTester, yaml } from '../../../support/ruleTester';
import { assertFixesWork } from '../../../support/fixAll';

const edge = (props: string, eventType: string) => yaml`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    EdgeFn:
      Type: AWS::Serverless::Function
      Properties:
        Handler: index.handler
        Runtime: nodejs22.x
        AutoPublishAlias: live
        ${props}
    Cdn:
      Type: AWS::CloudFront::Distribution
      Properties:
        DistributionConfig:
          DefaultCacheBehavior:
            LambdaFunctionAssociations:
              - EventType: ${eventType}
                LambdaFunctionARN: !Ref EdgeFn.Version
`;

ruleTester(viewerLimits, {
  valid: [
    { name: 'a viewer function at 128 MB and 5 s', template: edge('MemorySize: 128\n        Timeout: 5', 'viewer-request') },
    { name: 'a viewer function on the defaults', template: edge('Description: edge', 'viewer-response') },
    { name: 'an origin function at 1024 MB and 30 s', template: edge('MemorySize: 1024\n        Timeout: 30', 'origin-request') },
    { name: 'a function that is not associated', template: edge('MemorySize: 1024\n        Timeout: 30', 'viewer-request').replace('!Ref EdgeFn.Version', 'arn:aws:lambda:us-east-1:123456789012:function:other:1') },
  ],
  invalid: [
    {
      name: 'a viewer function above 128 MB and 5 s, the EventType related',
      template: edge('MemorySize: 512\n        Timeout: 10', 'viewer-request'),
      errors: [{ line: 9, column: 19, related: [[17, 26]] }, { line: 10, column: 16, related: [[17, 26]] }],
    },
    { name: 'an origin function above 30 s', template: edge('Timeout: 31', 'origin-response'), errors: [{ line: 9, column: 16 }] },
  ],
});

describe('edge/viewer-limits quick fix', () => {
  it('lowers MemorySize and Timeout to the edge limits', () => {
    assertFixesWork(viewerLimits, edge('MemorySize: 512\n        Timeout: 10', 'viewer-request'), 2);
  });
});
