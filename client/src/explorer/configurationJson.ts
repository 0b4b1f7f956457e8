/**
 * The text of a function's configuration document: GetFunction without the code location (a
 * presigned URL), environment variable values masked unless the user asked to reveal them.
 */
import type { FunctionDetails } from '../../../server/src/aws/lambdaApi';

/** What stands for a hidden value. */
export const MASK = '••••';

/** Pretty JSON of the details; `reveal` shows environment variable values instead of the mask. */
export function configurationJson(d: FunctionDetails, reveal: boolean): string {
  const vars = d.configuration.Environment?.Variables;
  const shown = vars && !reveal ? Object.fromEntries(Object.keys(vars).map((k) => [k, MASK])) : vars;
  const configuration = vars ? { ...d.configuration, Environment: { ...d.configuration.Environment, Variables: shown } } : d.configuration;
  const body = {
    Configuration: configuration,
    Concurrency: d.reservedConcurrency !== undefined ? { ReservedConcurrentExecutions: d.reservedConcurrency } : undefined,
    Tags: d.tags,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
