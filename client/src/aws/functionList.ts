/**
 * The functions loaded so far in each region, fetched a page at a time. The explorer reads it to
 * draw the tree; other features (invoke) read it to offer functions without listing them again.
 */
import type { AwsClientFactory } from '../../../server/src/aws/clientFactory';
import { listFunctionsPage, type FunctionSummary } from '../../../server/src/aws/lambdaApi';
import { MarkerGuard } from '../../../server/src/aws/paging';

/** What is known of one region's functions. */
export interface RegionFunctions {
  readonly functions: readonly FunctionSummary[];
  /** True once the last page has been read. */
  readonly complete: boolean;
}

/** Per-region function pages for one client factory (one session). */
export class FunctionListCache {
  private readonly regions = new Map<string, { functions: FunctionSummary[]; marker: string | undefined; guard: MarkerGuard; complete: boolean; pending: Promise<void> | undefined }>();

  constructor(readonly factory: AwsClientFactory) {}

  /** What has been loaded for a region (empty and incomplete before the first page). */
  get(region: string): RegionFunctions {
    return this.entry(region);
  }

  /** Loads the next page unless everything is loaded; concurrent calls share one request. */
  async loadNextPage(region: string, signal?: AbortSignal): Promise<RegionFunctions> {
    const e = this.entry(region);
    if (e.complete) return e;
    e.pending ??= (async () => {
      try {
        const page = await listFunctionsPage(this.factory.createLambdaClient(region), e.marker, signal);
        // A repeated or cyclic marker fails the load instead of listing the same functions forever.
        const next = e.guard.next(page.nextMarker);
        e.functions.push(...page.functions);
        e.marker = next;
        e.complete = !next;
      } finally {
        e.pending = undefined;
      }
    })();
    await e.pending;
    return e;
  }

  /** Loads pages until the list is complete; `onPage` reports progress after each page. */
  async loadAll(region: string, signal?: AbortSignal, onPage?: (loaded: number) => void): Promise<RegionFunctions> {
    let e = this.get(region);
    while (!e.complete) {
      signal?.throwIfAborted();
      e = await this.loadNextPage(region, signal);
      onPage?.(e.functions.length);
    }
    return e;
  }

  /** Finds a loaded function by name. */
  find(region: string, name: string): FunctionSummary | undefined {
    return this.regions.get(region)?.functions.find((f) => f.name === name);
  }

  /** Forgets one region, or all of them. */
  clear(region?: string): void {
    if (region === undefined) this.regions.clear();
    else this.regions.delete(region);
  }

  private entry(region: string) {
    let e = this.regions.get(region);
    if (!e) {
      e = { functions: [], marker: undefined, guard: new MarkerGuard('ListFunctions'), complete: false, pending: undefined };
      this.regions.set(region, e);
    }
    return e;
  }
}
