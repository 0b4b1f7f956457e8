/**
 * The loopback Lambda API for tests and benchmarks.
 *
 *     const api = await startLambdaApi({ credentials: [{ accessKeyId: 'AKID', secretAccessKey: 's' }] });
 *     api.addFunction({ FunctionName: 'hello', files: { 'index.js': 'exports.handler = async (e) => e;' } }, 'eu-west-1');
 *     api.faults.add({ kind: 'throttle', region: 'eu-west-1', times: 2, retryAfterSeconds: 0.05 });
 *     api.stacks('eu-west-1').add({ name: 'app', resources: [{ logicalId: 'Fn', type: 'AWS::Lambda::Function', physicalId: 'hello' }] });
 *     api.faults.add({ kind: 'access-denied', service: 'cloudformation' });
 *     new LambdaClient({ endpoint: api.endpoint, region: 'eu-west-1', credentials: ... });
 *     api.requests.at(-1)?.accessKeyId;   // who signed
 *     api.invocations.at(-1)?.logs;       // START / END / REPORT of the last invocation
 *     await api.close();
 */
export { startLambdaApi, type LambdaApi, type LambdaApiOptions, type RequestLogEntry } from './server';
export type { Fault, FaultKind } from './faults';
export type { StackSeed, StoredStack } from './cloudFormation';
export type { FunctionConfig, FunctionSeed } from './store';
export { PAYLOAD_LIMITS } from './routes';
