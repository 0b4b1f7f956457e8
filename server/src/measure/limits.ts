/** The bounds of one function's measurement, counted across all the folders it consists of. */
import { formatBytes } from '../bytes';
import { MEASURE_LIMITS } from '../config';

/** Thrown (as a rejection) when a measurement reaches a bound; the function is then "too large to measure". */
export class MeasureLimit extends Error {
  constructor(
    message: string,
    /** Unzipped bytes seen before stopping: a lower bound of the package. */
    readonly atLeastBytes: number,
  ) {
    super(message);
  }
}

/** What one function's measurement may still use; shared by its code, its layers and its dependencies. */
export class Budget {
  readonly deadline: number;
  private files = 0;
  private bytes = 0;

  constructor(
    readonly limits: { readonly maxFiles: number; readonly maxBytes: number; readonly timeBudgetMs: number } = MEASURE_LIMITS,
    now = Date.now(),
  ) {
    this.deadline = now + limits.timeBudgetMs;
  }

  /** Counts a measured part; throws MeasureLimit once the function as a whole is past a bound. */
  add(files: number, bytes: number): void {
    this.files += files;
    this.bytes += bytes;
    if (this.files > this.limits.maxFiles) this.stop('files');
    if (this.bytes > this.limits.maxBytes) this.stop('bytes');
  }

  /** Throws MeasureLimit when the deadline has passed. */
  checkTime(): void {
    if (Date.now() > this.deadline) this.stop('time');
  }

  /**
   * Throws the MeasureLimit for a bound reached (here, or by a walk, an archive or a bundle whose
   * `pendingBytes` were not yet added).
   */
  stop(why: 'files' | 'bytes' | 'time', pendingBytes = 0): never {
    const seen = this.bytes + pendingBytes;
    const text = {
      files: `more than ${this.limits.maxFiles.toLocaleString('en-US')} files`,
      bytes: `more than ${formatBytes(this.limits.maxBytes)} unzipped`,
      time: `measuring took longer than ${Math.round(this.limits.timeBudgetMs / 1000)} s (${formatBytes(seen)} seen so far)`,
    }[why];
    throw new MeasureLimit(`too large to measure: ${text}. Lambda Lens stopped there; check that CodeUri points at the function's own code, not a parent folder`, seen);
  }
}
