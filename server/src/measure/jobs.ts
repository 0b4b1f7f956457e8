/** The messages between the measurement pool and its workers, and the one function that answers them. */
import { compressedSize, walkFolder } from './scan';
import type { WalkOptions, WalkResult } from './scan';

export type JobRequest =
  | { readonly id: number; readonly type: 'walk'; readonly root: string; readonly options: WalkOptions }
  | { readonly id: number; readonly type: 'compress'; readonly paths: string[]; readonly sizes: number[]; readonly blocks: number[]; readonly deadline: number };

export type JobResponse =
  | { readonly id: number; readonly type: 'walk'; readonly result: WalkResult }
  /** Compressed size per path, or UNREADABLE / OUT_OF_TIME (see scan.ts). */
  | { readonly id: number; readonly type: 'compress'; readonly sizes: number[] };

/** Runs one job synchronously. Never throws: failures are part of the result. */
export function handle(req: JobRequest): JobResponse {
  if (req.type === 'walk') return { id: req.id, type: 'walk', result: walkFolder(req.root, req.options) };
  return { id: req.id, type: 'compress', sizes: req.paths.map((p, i) => compressedSize(p, req.sizes[i]!, req.blocks[i]!, req.deadline)) };
}
