import { get, isNull, pairOf } from '../../template/ast';
import { changed } from '../docs';
import { samTemplate } from './examples';
import type { Rule } from '../types';
import { samResources } from './events';
import { EACH_RESOURCE } from '../helpers';

const MTLS_KEYS: ReadonlySet<string> = new Set(['TruststoreUri', 'TruststoreVersion']);

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(`  Api:\n    Type: AWS::Serverless::HttpApi\n    Properties:\n      Domain:\n        DomainName: api.example.com\n        CertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/abc\n        MutualTlsAuthentication:\n          TruststoreUri: s3://truststore/pem\n`);

/** sam/api-domain: a SAM API's custom Domain as SAM reads it. */
export const apiDomain: Rule = {
  meta: {
    id: 'sam/api-domain',
    severity: 'error',
    description: "A SAM API's Domain has a MutualTlsAuthentication map of TruststoreUri and TruststoreVersion, a Route53 map with HostedZoneId or HostedZoneName, and for an HTTP API BasePath strings.",
    docs: {
      bad: changed(EXAMPLE, ['TruststoreUri:', 'TrustStoreUri:']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-api-domainconfiguration.html',
    },
    fixable: false,
    reads: EACH_RESOURCE,
  },
  check(ctx) {
    for (const { resource, props } of samResources(ctx.template, 'AWS::Serverless::Api', 'AWS::Serverless::HttpApi')) {
      const domain = get(props, 'Domain');
      if (domain?.kind !== 'map') continue;
      const report = (range: { start: number; end: number }, message: string) => ctx.report({ range, message: `${resource.id} Domain: ${message}`, resource: resource.id });
      const mtls = get(domain, 'MutualTlsAuthentication');
      if (mtls && mtls.kind !== 'map' && mtls.kind !== 'intrinsic') report(mtls.range, 'MutualTlsAuthentication must be a map of TruststoreUri and TruststoreVersion.');
      if (mtls?.kind === 'map') for (const p of mtls.pairs) if (!MTLS_KEYS.has(p.key)) report(p.keyRange, `MutualTlsAuthentication takes ${[...MTLS_KEYS].join(' and ')}, not ${p.key}.`);
      const route53 = get(domain, 'Route53');
      if (route53 && route53.kind !== 'map' && route53.kind !== 'intrinsic') report(route53.range, 'Route53 must be a map (HostedZoneId or HostedZoneName, ...).');
      if (route53?.kind === 'map' && ['HostedZoneId', 'HostedZoneName'].every((k) => isNull(get(route53, k)) || get(route53, k) === undefined)) report(pairOf(domain, 'Route53')!.keyRange, 'Route53 needs HostedZoneId or HostedZoneName: SAM creates the record in that hosted zone.');
      const basePath = pairOf(domain, 'BasePath');
      // SAM builds one mapping per path of an HTTP API from the literal strings.
      if (resource.type === 'AWS::Serverless::HttpApi' && basePath?.value.kind === 'seq') {
        for (const item of basePath.value.items) if (item.kind !== 'scalar') report(item.range, 'each BasePath of an HTTP API must be a string; SAM cannot build a mapping from an intrinsic here.');
      }
    }
  },
};
