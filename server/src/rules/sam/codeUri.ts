import { get, pairOf, str } from '../../template/ast';
import { changed } from '../docs';
import { FUNCTION, samTemplate } from './examples';
import type { Rule } from '../types';
import { samResources } from './events';
import { EACH_RESOURCE } from '../helpers';
import { truthy } from './pythonValues';

/** Properties SAM reads as a local path (packaged by `sam deploy`) or an S3 URI. */
const URI_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  'AWS::Serverless::Function': ['CodeUri'],
  'AWS::Serverless::LayerVersion': ['ContentUri'],
  'AWS::Serverless::Api': ['DefinitionUri'],
  'AWS::Serverless::HttpApi': ['DefinitionUri'],
  'AWS::Serverless::StateMachine': ['DefinitionUri'],
};
/** An S3 URI as SAM parses it: s3://bucket/key with an optional ?versionId=. */
const S3_URI = /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/[^?]+(\?versionId=[^&]+)?$/;

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(FUNCTION);

/** sam/code-uri: a code or definition location written as a URI is an S3 URI SAM can parse. */
export const codeUri: Rule = {
  meta: {
    id: 'sam/code-uri',
    severity: 'error',
    description: 'CodeUri, ContentUri and DefinitionUri are a local path, an s3://bucket/key URI (with an optional ?versionId=) or a map with Bucket and Key, not another URL scheme or a malformed S3 URI, nor a {{resolve:...}} dynamic reference.',
    docs: {
      bad: changed(EXAMPLE, ['CodeUri: src/', 'CodeUri: https://example.com/code.zip']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html',
    },
    fixable: false,
    reads: EACH_RESOURCE,
  },
  check(ctx) {
    for (const [type, keys] of Object.entries(URI_PROPERTIES)) {
      for (const { resource, props } of samResources(ctx.template, type)) {
        for (const key of keys) {
          const value = pairOf(props, key)?.value;
          if (value?.kind === 'map') {
            const missing = ['Bucket', 'Key'].filter((k) => {
              const v = get(value, k);
              return v === undefined || !truthy(v);
            });
            if (missing.length > 0) ctx.report({ range: pairOf(props, key)!.keyRange, message: `${key} as a map needs Bucket and Key; ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing or empty.`, resource: resource.id });
            continue;
          }
          const uri = str(value);
          if (uri === undefined || !value) continue;
          const problem = uri.includes('{{resolve:')
            ? 'is a dynamic reference, which SAM cannot resolve; use the { Bucket, Key } form with the reference in it'
            : /^[a-z][a-z0-9+.-]*:\/\//i.test(uri) && !S3_URI.test(uri)
              ? `"${uri}" is not an S3 URI of the form s3://bucket/key`
              : undefined;
          if (problem) ctx.report({ range: value.range, message: `${key} ${problem}.`, resource: resource.id });
        }
      }
    }
  },
};
