/** Worker thread that measures package sizes off the language server's main thread. */
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', () => undefined);
