/**
 * A small pool of measurement worker threads (one per core, at most two by default). Walks and
 * compression batches are queued and handed to whichever worker is free, so compression of a large
 * folder runs on every core. When no worker bundle is found (tests running from source), jobs run
 * in-thread, one per macrotask, with the same code.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { handle } from './jobs';
import type { JobRequest, JobResponse } from './jobs';
import type { WalkOptions, WalkResult } from './scan';

/** Compression batches aim at this many bytes, so that work spreads and cancellation is prompt. */
const BATCH_BYTES = 4 * 1024 * 1024;
const BATCH_FILES = 512;

/** Thrown (as a rejection) when a measurement is cancelled. */
export class MeasureCancelled extends Error {
  constructor() {
    super('measurement cancelled');
  }
}

type JobBody = { type: 'walk'; root: string; options: WalkOptions } | { type: 'compress'; paths: string[]; sizes: number[]; blocks: number[]; deadline: number };

interface Task {
  readonly req: JobRequest;
  readonly signal: AbortSignal | undefined;
  resolve(r: JobResponse): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker | undefined;
  task: Task | undefined;
}

export interface PoolOptions {
  /** Worker script; `null` runs jobs in-thread. Default: measureWorker.js beside the bundle, or in dist/. */
  readonly workerPath?: string | null;
  readonly size?: number;
}

/** The worker bundle next to the running bundle (dist/), or the repository's dist/ when running from source. */
export function defaultWorkerPath(): string | null {
  for (const p of [join(__dirname, 'measureWorker.js'), join(__dirname, '..', '..', '..', 'dist', 'measureWorker.js')]) {
    if (existsSync(p)) return p;
  }
  return null;
}

export class MeasurePool {
  private readonly queue: Task[] = [];
  private readonly slots: Slot[];
  private readonly workerPath: string | null;
  private nextId = 1;

  constructor(opts: PoolOptions = {}) {
    this.workerPath = opts.workerPath === undefined ? defaultWorkerPath() : opts.workerPath;
    const size = Math.max(1, opts.size ?? Math.min(2, availableParallelism()));
    this.slots = Array.from({ length: this.workerPath ? size : 1 }, () => ({ worker: undefined, task: undefined }));
  }

  /** True when jobs run in worker threads. */
  get threaded(): boolean {
    return this.workerPath !== null;
  }

  async walk(root: string, options: WalkOptions, signal?: AbortSignal): Promise<WalkResult> {
    const r = await this.run({ type: 'walk', root, options }, signal);
    if (r.type !== 'walk') throw new Error('unexpected worker answer');
    return r.result;
  }

  /** Compressed sizes of the files (UNREADABLE / OUT_OF_TIME as in scan.ts), computed in parallel batches. */
  async compress(paths: readonly string[], sizes: readonly number[], blocks: readonly number[], deadline: number, signal?: AbortSignal): Promise<number[]> {
    const batches: Array<Promise<JobResponse>> = [];
    const starts: number[] = [];
    let start = 0;
    let bytes = 0;
    const flush = (end: number) => {
      if (end <= start) return;
      starts.push(start);
      batches.push(this.run({ type: 'compress', paths: paths.slice(start, end), sizes: sizes.slice(start, end), blocks: blocks.slice(start, end), deadline }, signal));
      start = end;
      bytes = 0;
    };
    for (let i = 0; i < paths.length; i++) {
      // A sparse file costs no reading; count it as small.
      bytes += blocks[i] === 0 ? 0 : sizes[i]!;
      if (bytes >= BATCH_BYTES || i + 1 - start >= BATCH_FILES) flush(i + 1);
    }
    flush(paths.length);
    const out = new Array<number>(paths.length);
    const results = await Promise.all(batches);
    results.forEach((r, b) => {
      if (r.type !== 'compress') throw new Error('unexpected worker answer');
      r.sizes.forEach((s, i) => (out[starts[b]! + i] = s));
    });
    return out;
  }

  /** Stops the workers; queued jobs are cancelled. */
  dispose(): void {
    for (const t of this.queue.splice(0)) t.reject(new MeasureCancelled());
    for (const s of this.slots) {
      void s.worker?.terminate();
      s.worker = undefined;
      s.task?.reject(new MeasureCancelled());
      s.task = undefined;
    }
  }

  private run(body: JobBody, signal: AbortSignal | undefined): Promise<JobResponse> {
    if (signal?.aborted) return Promise.reject(new MeasureCancelled());
    return new Promise((resolve, reject) => {
      const task: Task = { req: { id: this.nextId++, ...body } as JobRequest, signal, resolve, reject };
      this.queue.push(task);
      signal?.addEventListener('abort', () => {
        const i = this.queue.indexOf(task);
        if (i >= 0) {
          this.queue.splice(i, 1);
          reject(new MeasureCancelled());
        }
      }, { once: true });
      this.pump();
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.task || this.queue.length === 0) continue;
      const task = this.queue.shift()!;
      slot.task = task;
      if (this.workerPath) this.post(slot, task);
      else setImmediate(() => this.finish(slot, task, handle(task.req)));
    }
  }

  private post(slot: Slot, task: Task): void {
    if (!slot.worker) {
      const worker = new Worker(this.workerPath!);
      worker.on('message', (r: JobResponse) => {
        if (slot.task && slot.task.req.id === r.id) this.finish(slot, slot.task, r);
      });
      worker.on('error', (e) => this.crashed(slot, e));
      worker.on('exit', () => {
        if (slot.worker === worker) this.crashed(slot, new Error('measurement worker stopped'));
      });
      slot.worker = worker;
    }
    slot.worker.ref();
    slot.worker.postMessage(task.req);
  }

  private finish(slot: Slot, task: Task, r: JobResponse): void {
    slot.task = undefined;
    // An idle worker must not keep a CLI process alive.
    slot.worker?.unref();
    if (task.signal?.aborted) task.reject(new MeasureCancelled());
    else task.resolve(r);
    this.pump();
  }

  private crashed(slot: Slot, e: Error): void {
    const task = slot.task;
    slot.worker = undefined;
    slot.task = undefined;
    task?.reject(e);
    this.pump();
  }
}
