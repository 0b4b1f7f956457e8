/** What the vpc/ rules share: the documentation link and related information for inherited VpcConfig. */
import type { Range } from '../../template/ast';
import { fromGlobals } from '../../template/functions';
import type { FunctionView } from '../../template/functions';
import type { Related } from '../types';

export const LAMBDA_VPC_URL = 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html';

/**
 * For a finding inside Globals.Function: the function that inherits it (the engine merges these into
 * one diagnostic listing every inheriting function). Otherwise nothing, and the finding belongs to `f`.
 */
export function inherited(f: FunctionView, range: Range): { related: Related[]; resource?: string } {
  if (fromGlobals(f, range)) return { related: [{ range: f.resource.idRange, message: `Inherited from Globals by ${f.id}.` }] };
  return { related: [], resource: f.id };
}
