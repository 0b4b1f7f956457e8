/**
 * Paging over AWS list operations that a broken or hostile endpoint cannot turn into an endless
 * loop: a marker seen before (a repeat or a cycle) stops the listing with an error, and so does
 * passing the page cap.
 */

/** Raised when a listing's markers repeat or its pages pass the cap. */
export class PagingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PagingError';
  }
}

/** Pages one listing may read at most: 50,000 functions at Lambda's 50 a page. */
export const MAX_PAGES = 1000;

/** Remembers the markers of one listing and refuses a repeat. */
export class MarkerGuard {
  private readonly seen = new Set<string>();
  private pages = 0;

  constructor(
    private readonly operation: string,
    private readonly maxPages = MAX_PAGES,
  ) {}

  /** Records the marker a page returned; throws when it was returned before or the cap is passed. */
  next(marker: string | undefined): string | undefined {
    this.pages++;
    if (!marker) return undefined;
    if (this.seen.has(marker)) {
      throw new PagingError(`${this.operation} returned a page marker it had already returned (after ${this.pages} pages); the listing was stopped so it cannot loop.`);
    }
    if (this.pages >= this.maxPages) {
      throw new PagingError(`${this.operation} has more than ${this.maxPages} pages; the listing was stopped there.`);
    }
    this.seen.add(marker);
    return marker;
  }
}

/** Reads pages until there is no next marker or `cap` items are in; `truncated` says more exist. */
export async function collectPages<T>(
  operation: string,
  fetch: (marker: string | undefined) => Promise<{ items: T[]; next: string | undefined }>,
  cap: number,
): Promise<{ items: T[]; truncated: boolean }> {
  const guard = new MarkerGuard(operation);
  const items: T[] = [];
  let marker: string | undefined;
  do {
    const page = await fetch(marker);
    items.push(...page.items);
    marker = guard.next(page.next);
  } while (marker && items.length < cap);
  return { items: items.slice(0, cap), truncated: Boolean(marker) || items.length > cap };
}
