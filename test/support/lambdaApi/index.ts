/** The loopback Lambda API for tests and benchmarks. */
export { startLambdaApi, type LambdaApi, type LambdaApiOptions, type RequestLogEntry } from './server';
export type { Fault, FaultKind } from './faults';
export type { FunctionConfig, FunctionSeed } from './store';
export { PAYLOAD_LIMITS } from './routes';
