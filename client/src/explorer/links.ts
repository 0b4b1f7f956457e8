/** Links out of the explorer: the AWS console page of a function. */
import { parseArn } from '../../../server/src/arn';
import type { FunctionTarget } from './nodes';

/** The console host of the partition the function's ARN names. */
function consoleHost(arn: string, region: string): string {
  const partition = parseArn(arn)?.partition ?? 'aws';
  if (partition === 'aws-cn') return 'console.amazonaws.cn';
  if (partition === 'aws-us-gov') return 'console.amazonaws-us-gov.com';
  return `${region}.console.aws.amazon.com`;
}

/** The function's page in the Lambda console. */
export function consoleUrl(t: FunctionTarget): string {
  return `https://${consoleHost(t.arn, t.region)}/lambda/home?region=${t.region}#/functions/${encodeURIComponent(t.name)}`;
}
