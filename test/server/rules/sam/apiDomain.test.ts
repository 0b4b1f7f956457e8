import { apiDomain } from '../../../../server/src/rules/sam/apiDomain';
import { ruleTester } from '../../../support/ruleTester';

const t = (domain: string) => `Transform: AWS::Serverless-2016-10-31\nResources:\n  Api:\n    Type: AWS::Serverless::HttpApi\n    Properties:\n      Domain:\n        DomainName: api.example.com\n        CertificateArn: arn\n${domain}`;

ruleTester(apiDomain, {
  valid: [
    { name: 'base paths and mutual TLS as SAM reads them', template: t('        BasePath: [/one, /two]\n        MutualTlsAuthentication: { TruststoreUri: s3://b/k, TruststoreVersion: v1 }\n') },
    { name: 'a Route53 hosted zone by name', template: t('        Route53:\n          HostedZoneName: example.com.\n') },
  ],
  invalid: [
    { name: 'a misspelt mutual TLS key', template: t('        MutualTlsAuthentication: { TrustStoreUri: s3://b/k }\n'), errors: [{ line: 9, column: 36 }] },
    { name: 'Route53 as a string and an intrinsic base path', template: t('        Route53: zone\n        BasePath: [!Sub "/${Stage}"]\n'), errors: [{ line: 9, column: 18 }, { line: 10, column: 20 }] },
    { name: 'Route53 without a hosted zone', template: t('        Route53:\n          EvaluateTargetHealth: true\n'), errors: [{ line: 9, column: 9, messageIncludes: 'HostedZoneId or HostedZoneName' }] },
  ],
});
