/**
 * Worker thread that does the measurement's file-system work off the language server's main thread:
 * folder walks and compression. Bundled as dist/measureWorker.js; driven by pool.ts.
 */
import { parentPort } from 'node:worker_threads';
import { handle } from './jobs';
import type { JobRequest } from './jobs';

parentPort?.on('message', (req: JobRequest) => {
  parentPort!.postMessage(handle(req));
});
