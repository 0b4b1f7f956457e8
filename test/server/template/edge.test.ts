import assert from 'node:assert/strict';
import { buildTemplate } from '../../../server/src/template/model';
import { edgeAssociations, edgeAssociationsOf } from '../../../server/src/template/edge';
import { lineCol, yaml } from '../../support/ruleTester';

const TEXT = yaml`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Viewer:
      Type: AWS::Serverless::Function
      Properties: { Handler: index.handler, Runtime: nodejs22.x, AutoPublishAlias: live }
    Origin:
      Type: AWS::Lambda::Function
      Properties: { Handler: index.handler, Runtime: nodejs22.x, Role: arn:aws:iam::123456789012:role/edge }
    OriginVersion:
      Type: AWS::Lambda::Version
      Properties: { FunctionName: !Ref Origin }
    OriginAlias:
      Type: AWS::Lambda::Alias
      Properties: { FunctionName: !Ref Origin, FunctionVersion: !GetAtt OriginVersion.Version, Name: live }
    Cdn:
      Type: AWS::CloudFront::Distribution
      Properties:
        DistributionConfig:
          DefaultCacheBehavior:
            LambdaFunctionAssociations:
              - { EventType: viewer-request, LambdaFunctionARN: !Ref Viewer.Version }
              - { EventType: origin-request, LambdaFunctionARN: !Ref OriginVersion }
          CacheBehaviors:
            - PathPattern: /api/*
              LambdaFunctionAssociations:
                - { EventType: origin-response, LambdaFunctionARN: !Ref OriginAlias }
                - { EventType: viewer-response, LambdaFunctionARN: !GetAtt Origin.Arn }
                - { EventType: viewer-response, LambdaFunctionARN: !Sub '\${Origin.Arn}:7' }
                - { EventType: viewer-response, LambdaFunctionARN: !Join [':', [!GetAtt Origin.Arn, $LATEST]] }
                - { EventType: sideways, LambdaFunctionARN: arn:aws:lambda:us-east-1:123456789012:function:x:1 }
`;

describe('Lambda@Edge associations', () => {
  it('resolves each association to its function and how the ARN is qualified', () => {
    const t = buildTemplate(TEXT);
    assert.deepEqual(edgeAssociations(t).map((a) => [lineCol(TEXT, a.range.start).join(':'), a.eventType, a.functionId, a.qualifier]), [
      ['21:15', 'viewer-request', 'Viewer', 'version'],
      ['22:15', 'origin-request', 'Origin', 'version'],
      ['26:17', 'origin-response', 'Origin', 'alias'],
      ['27:17', 'viewer-response', 'Origin', 'none'],
      ['28:17', 'viewer-response', 'Origin', 'version'],
      ['29:17', 'viewer-response', 'Origin', 'latest'],
      ['30:17', undefined, undefined, undefined],
    ]);
    assert.equal(edgeAssociationsOf(t, 'Viewer').length, 1);
    assert.equal(edgeAssociationsOf(t, 'Origin').length, 5);
    assert.deepEqual(edgeAssociationsOf(t, 'Nope'), []);
  });
});
