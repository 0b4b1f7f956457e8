/**
 * Sample events and invoke: generating every catalogue event, filling context for every function of a
 * 1,000-function template, and Invoke round trips (cold and warm) through the real SDK against the
 * loopback Lambda API.
 */
import { createClientFactory } from '../server/src/aws/clientFactory';
import { createSession } from '../server/src/aws/session';
import { invokeFunction } from '../client/src/invoke/invoke';
import { EVENTS, generateEvent } from '../server/src/events/catalogue';
import { eventContext } from '../server/src/events/context';
import { functionsOf } from '../server/src/template/functions';
import { buildTemplate } from '../server/src/template/model';
import { startLambdaApi } from '../test/support/lambdaApi';
import { functionsTemplate } from '../server/src/template/sample';
import { median, percentile, time } from './stats';

const ENV = { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' };

export async function benchEvents(): Promise<Record<string, unknown>> {
  const perEvent: number[] = [];
  let slowest = { id: '', ms: 0 };
  for (const e of EVENTS) {
    const runs = Array.from({ length: 20 }, () => time(() => generateEvent(e.id)));
    const m = median(runs);
    perEvent.push(m);
    if (m > slowest.ms) slowest = { id: e.id, ms: m };
  }

  const t = buildTemplate(functionsTemplate(1_000));
  const ids = functionsOf(t).map((f) => f.id);
  const contextMs = time(() => {
    for (const id of ids) eventContext(t, id, { region: 'us-east-1', account: '123456789012' });
  });

  const api = await startLambdaApi();
  api.addFunction({ FunctionName: 'bench-echo', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: 'arn:aws:iam::123456789012:role/r', files: { 'index.js': 'exports.handler = async (e) => e;' } });
  const factory = createClientFactory(createSession({ env: ENV }), { endpoint: api.endpoint });
  const client = factory.createLambdaClient('us-east-1');
  const payload = JSON.stringify(generateEvent('apigateway-aws-proxy'));
  const invoke = () => invokeFunction(client, { functionName: 'bench-echo', payload, invocationType: 'RequestResponse' });
  try {
    const cold = await invoke();
    const warm: number[] = [];
    for (let i = 0; i < 30; i++) warm.push((await invoke()).elapsedMs);
    return {
      events: EVENTS.length,
      generateMedianMsPerEvent: +median(perEvent).toFixed(3),
      generateSlowest: { id: slowest.id, ms: +slowest.ms.toFixed(3) },
      contextFill1000FunctionsMs: +contextMs.toFixed(1),
      invokeColdMs: +cold.elapsedMs.toFixed(1),
      invokeColdInitDurationMs: cold.report?.initDurationMs,
      invokeWarmMedianMs: +median(warm).toFixed(1),
      invokeWarmP95Ms: +percentile(warm, 95).toFixed(1),
    };
  } finally {
    factory.dispose();
    await api.close();
  }
}
