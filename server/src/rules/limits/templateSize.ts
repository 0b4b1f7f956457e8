import { formatBytes } from '../../bytes';
import { pairOf } from '../../template/ast';
import { CLOUDFORMATION_QUOTAS, CLOUDFORMATION_QUOTAS_URL } from '../../quotas';
import { utf8Bytes } from '../../template/text';
import { fmt } from '../helpers';
import type { Rule } from '../types';
import { example } from '../docs';

const SECTIONS = [
  ['Resources', CLOUDFORMATION_QUOTAS.resources],
  ['Parameters', CLOUDFORMATION_QUOTAS.parameters],
  ['Outputs', CLOUDFORMATION_QUOTAS.outputs],
  ['Mappings', CLOUDFORMATION_QUOTAS.mappings],
] as const;

/** limits/template-size: CloudFormation's template size and section-count quotas. */
export const templateSize: Rule = {
  meta: {
    id: 'limits/template-size',
    severity: 'error',
    description: `The template stays within CloudFormation quotas: ${formatBytes(CLOUDFORMATION_QUOTAS.templateS3Bytes)} (${fmt(CLOUDFORMATION_QUOTAS.templateBodyBytes)} bytes without S3), ${CLOUDFORMATION_QUOTAS.resources} resources, ${CLOUDFORMATION_QUOTAS.parameters} parameters, ${CLOUDFORMATION_QUOTAS.outputs} outputs and ${CLOUDFORMATION_QUOTAS.mappings} mappings.`,
    docs: {
      bad: example(`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Orders:
            Type: AWS::SQS::Queue
          Payments:
            Type: AWS::SQS::Queue
          # ... 500 more resources in the same stack
      `),
      good: example(`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Orders:
            Type: AWS::Serverless::Application   # each part of the application in a nested stack
            Properties:
              Location: orders/template.yaml
          Payments:
            Type: AWS::Serverless::Application
            Properties:
              Location: payments/template.yaml
      `),
      url: CLOUDFORMATION_QUOTAS_URL,
    },
    fixable: false,
    reads: { document: true },
  },
  check(ctx) {
    const t = ctx.template;
    const at = { start: 0, end: 0 };
    const bytes = utf8Bytes(t.text);
    if (bytes > CLOUDFORMATION_QUOTAS.templateS3Bytes) {
      ctx.report({
        range: at,
        message: `This template is ${fmt(bytes)} bytes; CloudFormation accepts at most ${fmt(CLOUDFORMATION_QUOTAS.templateS3Bytes)} bytes (${formatBytes(CLOUDFORMATION_QUOTAS.templateS3Bytes)}) even from S3. Split it into nested stacks (AWS::Serverless::Application or AWS::CloudFormation::Stack).`,
      });
    } else if (bytes > CLOUDFORMATION_QUOTAS.templateBodyBytes) {
      ctx.report({
        range: at,
        severity: 'information',
        message: `This template is ${fmt(bytes)} bytes, above the ${fmt(CLOUDFORMATION_QUOTAS.templateBodyBytes)} bytes CloudFormation accepts as a direct template body; deploy it through S3 (sam deploy uploads it for you; with the AWS CLI pass --s3-bucket).`,
      });
    }
    for (const [name, max] of SECTIONS) {
      const pair = t.root ? pairOf(t.root, name) : undefined;
      const count = pair?.value.kind === 'map' ? pair.value.pairs.length : 0;
      if (!pair || count <= max) continue;
      ctx.report({
        range: pair.keyRange,
        message: `${name} has ${fmt(count)} entries; CloudFormation allows at most ${fmt(max)} per template. Move part of the stack into a nested stack.`,
      });
    }
  },
};
