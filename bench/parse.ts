/**
 * Text -> tree speed of a YAML template at 1,000 and 5,000 functions: the fast reader (fastYaml.ts,
 * what parseText takes for templates in its subset) beside the `yaml` path (compose and convert, what
 * it takes for everything else) and `JSON.parse` of the same template written as JSON (the floor).
 * Medians of wall time and of the fast reader's CPU time (the process's, garbage collector threads
 * included), in ms and MB/s of template text.
 */
import { composeYaml, convertDocument } from '../server/src/template/parse';
import { declineReason, readFastYaml } from '../server/src/template/fastYaml';
import { functionsTemplate } from '../server/src/template/sample';
import { median, time } from './stats';

export async function benchParse(): Promise<Record<string, unknown>> {
  const sizes: Record<string, unknown> = {};
  for (const count of [1_000, 5_000]) sizes[`${count}`] = measureParse(functionsTemplate(count), count >= 5_000 ? 3 : 7);
  return sizes;
}

function measureParse(text: string, runs: number): Record<string, unknown> {
  const json = JSON.stringify(composeYaml(text)!.toJS());
  const fast: number[] = [];
  const yaml: number[] = [];
  const floor: number[] = [];
  const fastCpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    fast.push(time(() => readFastYaml(text)));
    const used = process.cpuUsage(cpu);
    fastCpu.push((used.user + used.system) / 1000);
    yaml.push(time(() => convertDocument(text, composeYaml(text)!)));
    floor.push(time(() => JSON.parse(json)));
  }
  const mb = text.length / 1_000_000;
  const fastMs = median(fast);
  const yamlMs = median(yaml);
  const jsonMs = median(floor);
  return {
    bytes: text.length,
    declined: declineReason(text) ?? false,
    fastMs: round(fastMs),
    fastCpuMs: round(median(fastCpu)),
    fastMBps: round(mb / (fastMs / 1000)),
    yamlMs: round(yamlMs),
    yamlMBps: round(mb / (yamlMs / 1000)),
    jsonParseMs: round(jsonMs),
    jsonParseMBps: round(json.length / 1_000_000 / (jsonMs / 1000)),
    speedup: round(yamlMs / fastMs),
  };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
