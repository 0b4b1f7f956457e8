/** `npm run bench`: runs every benchmark and prints one JSON object with their figures. */
import { benchEditor } from './editor';
import { benchMeasure } from './measure';
import { benchBundle } from './bundle';
import { benchDeployed } from './deployed';
import { benchExplorer } from './explorer';
import { benchTemplates } from './templates';
import { benchStartup } from './startup';
import { benchNetwork } from './network';
import { benchEvents } from './events';
import { benchTriggers } from './triggers';
import { benchSoak } from './soak';
import { benchHostile } from './hostile';
import { benchTyping } from './typing';
import { benchParse } from './parse';

const BENCHES: Record<string, () => Promise<Record<string, unknown>>> = {
  validation: benchTemplates,
  parse: benchParse,
  startup: benchStartup,
  typing: benchTyping,
  editor: benchEditor,
  measure: benchMeasure,
  bundle: benchBundle,
  explorer: benchExplorer,
  deployed: benchDeployed,
  network: benchNetwork,
  events: benchEvents,
  triggers: benchTriggers,
  hostile: benchHostile,
  soak: benchSoak,
};

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const results: Record<string, unknown> = { machine: { node: process.version, cpus: require('node:os').cpus().length } };
  for (const [name, bench] of Object.entries(BENCHES)) {
    if (only.length > 0 && !only.includes(name)) continue;
    results[name] = await bench();
  }
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`benchmark failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
