/**
 * The application the Lambda@Edge rules document: a published SAM function whose role trusts both
 * Lambda services, run on viewer requests of a CloudFront distribution, which raises nothing. Each
 * rule's examples are this template with one change.
 */
import { example } from '../docs';

export const EDGE_APP = example(`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    EdgeFunction:
      Type: AWS::Serverless::Function
      Properties:
        Handler: index.handler
        Runtime: nodejs22.x
        CodeUri: edge/
        AutoPublishAlias: live
        AssumeRolePolicyDocument:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Action: sts:AssumeRole
              Principal: { Service: [lambda.amazonaws.com, edgelambda.amazonaws.com] }
    Cdn:
      Type: AWS::CloudFront::Distribution
      Properties:
        DistributionConfig:
          Enabled: true
          Origins: [{ Id: site, DomainName: example.com, CustomOriginConfig: { OriginProtocolPolicy: https-only } }]
          DefaultCacheBehavior:
            TargetOriginId: site
            ViewerProtocolPolicy: redirect-to-https
            LambdaFunctionAssociations:
              - EventType: viewer-request
                LambdaFunctionARN: !Ref EdgeFunction.Version
`);
