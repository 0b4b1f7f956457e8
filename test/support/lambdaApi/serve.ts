/**
 * Runs the loopback Lambda API as its own process, for test tiers that cannot load it in-process (the
 * editor tier runs inside the extension host, where the bundled suite cannot read the runner source).
 * Usage: tsx serve.ts '<JSON array of FunctionSeed>'. Prints `{"endpoint": ...}` on one line, then
 * serves until stdin closes or the process is killed.
 */
import { startLambdaApi } from './server';
import type { FunctionSeed } from './store';

async function main(): Promise<void> {
  const seeds = JSON.parse(process.argv[2] ?? '[]') as FunctionSeed[];
  const api = await startLambdaApi();
  for (const seed of seeds) api.addFunction(seed);
  process.stdout.write(`${JSON.stringify({ endpoint: api.endpoint })}\n`);
  const stop = (): void => void api.close().then(() => process.exit(0));
  process.stdin.on('end', stop).on('close', stop).resume();
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`loopback Lambda API failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
