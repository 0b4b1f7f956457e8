/**
 * The explorer's data layer, free of `vscode`: which nodes each node has, paging, filters, detail
 * loading and errors per region. The tree provider asks it for children and listens for changes.
 *
 * A change is never fired for a node as a result of fetching that node's own children: VS Code
 * answers a refresh that arrives while it is still taking in a fetch with that same fetch, while the
 * extension host has already dropped the fetched children's handles, so the rows it shows go dead
 * (Load more "command not found", Account expanding to nothing, ▶ and menus without an argument).
 * So everything a region's row shows (its function count) is loaded before the row is drawn: the
 * root fetch loads each region's first page, and commands load before they fire.
 */
import { parseArn } from '../../../server/src/arn';
import type { AwsContext } from '../aws/awsContext';
import { classifyAwsError, type ClassifiedError } from '../../../server/src/aws/errors';
import { getFunctionDetails, MAX_PAGE_SIZE, type FunctionDetails, type FunctionSummary } from '../../../server/src/aws/lambdaApi';
import { accountRows, configurationRows, groupRows } from './details';
import { applyFilter, formatCount, parseFilter, type ParsedFilter } from './filter';
import { DETAIL_GROUPS, type ExplorerNode, type FunctionNode, type RegionNode } from './nodes';
import type { PresentContext } from './present';

/** Where filters are kept across restarts (VS Code's workspaceState or globalState). */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

/** Options for one load: cancellation and progress (functions loaded so far). */
export interface LoadOptions {
  signal?: AbortSignal;
  onProgress?: (loaded: number) => void;
}

const FILTERS_KEY = 'lambdaLens.filters';

interface RegionState {
  shown: number;
  /** Why the region's list could not be loaded. */
  error: ClassifiedError | undefined;
  /** Why "Load more" failed; shown in place of the "Load more" item until the next try. */
  moreError: ClassifiedError | undefined;
}

/** Tree data for the Lambda explorer. */
export class ExplorerModel implements PresentContext {
  private regionState = new Map<string, RegionState>();
  /** Region nodes are kept so change events name the very objects the tree holds. */
  private regionNodes = new Map<string, RegionNode>();
  private functionNodes = new Map<string, FunctionNode>();
  private detailCache = new Map<string, FunctionDetails>();
  private readonly listeners = new Set<(node: ExplorerNode | undefined) => void>();
  private readonly unsubscribe: () => void;
  private templateLookup: PresentContext['templateFunction'] = () => undefined;

  constructor(
    readonly aws: AwsContext,
    private readonly store: KeyValueStore,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.unsubscribe = aws.onDidChange((change) => {
      if (change.session) this.reset();
      this.fire(undefined);
    });
  }

  get today(): Date {
    return this.now();
  }

  get regionCount(): number {
    return this.aws.regions.length;
  }

  templateFunction(region: string, name: string): { logicalId: string; uri: string } | undefined {
    return this.templateLookup(region, name);
  }

  /** Which template function a deployed function is (the deployed view); redraws the tree. */
  setTemplateLookup(lookup: PresentContext['templateFunction']): void {
    this.templateLookup = lookup;
    this.fire(undefined);
  }

  /**
   * The node of a function, with every page loaded until it is found and the region showing enough
   * rows to include it; undefined when the region has no such function.
   */
  async revealable(region: string, name: string, opts: LoadOptions = {}): Promise<FunctionNode | undefined> {
    await this.ensureLoaded(region, opts);
    const cache = this.aws.functions;
    while (!cache.find(region, name) && !cache.get(region).complete) await cache.loadNextPage(region, opts.signal);
    const fn = cache.find(region, name);
    if (!fn) return undefined;
    const s = this.state(region);
    const index = this.visible(region).indexOf(fn);
    if (index < 0) return undefined;
    if (index >= s.shown) {
      s.shown = (Math.floor(index / MAX_PAGE_SIZE) + 1) * MAX_PAGE_SIZE;
      this.fire(this.regionNode(region));
    }
    return this.functionNode(this.regionNode(region), fn);
  }

  /** The parent of a node, for reveal: a function's region. */
  parentOf(node: ExplorerNode): ExplorerNode | undefined {
    return node.kind === 'function' ? this.regionNodes.get(node.region) : undefined;
  }

  /** Subscribes to changes; `undefined` means the whole tree. */
  onDidChange(listener: (node: ExplorerNode | undefined) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** True when there are no credentials to list anything with (the welcome view shows instead). */
  get needsCredentials(): boolean {
    return this.aws.session.source.type === 'none';
  }

  /** The region nodes, or none when there are no credentials. */
  roots(): RegionNode[] {
    if (this.needsCredentials) return [];
    return this.aws.regions.map((region) => this.regionNode(region));
  }

  /** The region nodes, once each region's first page (every page with a filter) is loaded. */
  async loadRoots(opts: LoadOptions = {}): Promise<RegionNode[]> {
    const roots = this.roots();
    await Promise.all(roots.map((r) => this.ensureLoaded(r.region, opts)));
    return roots;
  }

  /** The children of a node; region and group loads go to AWS, errors become error nodes. */
  async children(node: ExplorerNode | undefined, opts: LoadOptions = {}): Promise<ExplorerNode[]> {
    if (!node) return this.loadRoots(opts);
    try {
      switch (node.kind) {
        case 'region':
          return await this.regionChildren(node, opts);
        case 'account':
          return await accountRows(this.aws.factory.createLambdaClient(node.region), node.id, opts.signal);
        case 'function':
          return DETAIL_GROUPS.map(({ group }) => ({ kind: 'detailGroup', id: `${node.id}/${group}`, region: node.region, fn: node.fn, group }));
        case 'detailGroup': {
          if (node.group === 'configuration') return configurationRows(node.id, await this.loadDetails(node.region, node.fn, opts.signal));
          return await groupRows(this.aws.factory.createLambdaClient(node.region), node.id, node.fn, node.group, opts.signal);
        }
        default:
          return [];
      }
    } catch (e) {
      const region = 'region' in node ? node.region : undefined;
      return [{ kind: 'error', id: `${node.id}/error`, region, error: classifyAwsError(e, this.aws.session.source, region) }];
    }
  }

  /** The region's current filter text, if any. */
  filterOf(region: string): string | undefined {
    return this.store.get<Record<string, string>>(FILTERS_KEY)?.[region] || undefined;
  }

  isFiltered(region: string): boolean {
    return this.filterOf(region) !== undefined;
  }

  /** Sets (or with '' clears) a region's filter; answers the parse result so callers can show a bad regex. */
  async setFilter(region: string, text: string, opts: LoadOptions = {}): Promise<ParsedFilter> {
    const parsed = parseFilter(text);
    if (!parsed.ok) return parsed;
    const all = { ...this.store.get<Record<string, string>>(FILTERS_KEY) };
    if (parsed.text) all[region] = parsed.text;
    else delete all[region];
    await this.store.update(FILTERS_KEY, all);
    this.state(region).shown = MAX_PAGE_SIZE;
    await this.ensureLoaded(region, opts);
    this.fire(this.regionNode(region));
    return parsed;
  }

  /** Shows the next page of a region: loaded matches first, else the next page from AWS. */
  async loadMore(region: string, opts: LoadOptions = {}): Promise<void> {
    const s = this.state(region);
    const visible = this.visible(region);
    const list = this.aws.functions.get(region);
    if (visible.length <= s.shown && !list.complete) {
      try {
        await this.aws.functions.loadNextPage(region, opts.signal);
        s.moreError = undefined;
      } catch (e) {
        s.moreError = classifyAwsError(e, this.aws.session.source, region);
        this.fire(this.regionNode(region));
        return;
      }
    }
    s.shown += MAX_PAGE_SIZE;
    this.fire(this.regionNode(region));
  }

  /** Forgets loaded data for one region, or everything, reloads and redraws. */
  async refresh(region?: string, opts: LoadOptions = {}): Promise<void> {
    if (region === undefined) {
      this.reset();
      this.fire(undefined);
      return;
    }
    this.aws.functions.clear(region);
    this.regionState.delete(region);
    for (const [id, n] of this.functionNodes) if (n.region === region) this.functionNodes.delete(id);
    for (const key of [...this.detailCache.keys()]) if (key.startsWith(`${region}/`)) this.detailCache.delete(key);
    await this.ensureLoaded(region, opts);
    this.fire(this.regionNode(region));
  }

  /** Forgets a function's loaded details so its tooltip and groups are fetched again. */
  refreshFunction(node: FunctionNode): void {
    this.detailCache.delete(this.detailKey(node.fn));
    this.fire(node);
  }

  /** True when the region's next load should be a full one (a filter needs every function). */
  needsFullLoad(region: string): boolean {
    return this.isFiltered(region) && !this.aws.functions.get(region).complete;
  }

  /** `12 of 2,000` with a filter; `120 functions` or `50+ functions` without; empty before loading. */
  regionDescription(region: string): string {
    const s = this.regionState.get(region);
    if (s?.error) return s.error.summary;
    const list = this.aws.functions.get(region);
    if (!list.functions.length && !list.complete) return '';
    const total = `${formatCount(list.functions.length)}${list.complete ? '' : '+'}`;
    const filter = this.filterOf(region);
    if (filter) return `${formatCount(this.visible(region).length)} of ${total} · ${filter}`;
    return `${total} function${list.functions.length === 1 && list.complete ? '' : 's'}`;
  }

  /** GetFunction details seen so far (for tooltips). */
  details(fn: Pick<FunctionSummary, 'arn'>): FunctionDetails | undefined {
    return this.detailCache.get(this.detailKey(fn));
  }

  /** Loads (once) and caches GetFunction for a function. */
  async loadDetails(region: string, fn: Pick<FunctionSummary, 'name' | 'arn'>, signal?: AbortSignal): Promise<FunctionDetails> {
    const key = this.detailKey(fn);
    const cached = this.detailCache.get(key);
    if (cached) return cached;
    const d = await getFunctionDetails(this.aws.factory.createLambdaClient(region), fn.name, signal);
    this.detailCache.set(key, d);
    return d;
  }

  /** Stops listening to the AWS context. */
  dispose(): void {
    this.unsubscribe();
    this.listeners.clear();
  }

  /** Loads what a region's row and first children need; failures are kept as the region's error. */
  private async ensureLoaded(region: string, opts: LoadOptions): Promise<void> {
    const cache = this.aws.functions;
    const s = this.state(region);
    if (s.error) return;
    let list = cache.get(region);
    try {
      if (!list.complete && list.functions.length === 0) list = await cache.loadNextPage(region, opts.signal);
      if (this.isFiltered(region) && !list.complete) await cache.loadAll(region, opts.signal, opts.onProgress);
    } catch (e) {
      s.error = classifyAwsError(e, this.aws.session.source, region);
    }
  }

  private async regionChildren(node: RegionNode, opts: LoadOptions): Promise<ExplorerNode[]> {
    const { region } = node;
    const s = this.state(region);
    // Normally loaded with the roots; a region shown before (or a failed one) is not fetched again here.
    await this.ensureLoaded(region, opts);
    // A failed region stays failed until refreshed, so redrawing it never hammers AWS.
    if (s.error) return [{ kind: 'error', id: `${node.id}/error`, region, error: s.error }];
    const list = this.aws.functions.get(region);
    const visible = this.visible(region);
    const out: ExplorerNode[] = [{ kind: 'account', id: `${node.id}/account`, region }];
    for (const fn of visible.slice(0, s.shown)) out.push(this.functionNode(node, fn));
    if (s.moreError) out.push({ kind: 'error', id: `${node.id}/moreError`, region, error: s.moreError });
    if (visible.length > s.shown || (!list.complete && !this.isFiltered(region))) out.push({ kind: 'loadMore', id: `${node.id}/loadMore`, region });
    if (visible.length === 0) {
      const filter = this.filterOf(region);
      out.push({ kind: 'message', id: `${node.id}/empty`, label: filter ? `No function matches ${filter}` : `No functions in ${region}` });
    }
    return out;
  }

  private functionNode(parent: RegionNode, fn: FunctionSummary): FunctionNode {
    const id = `${parent.id}/${fn.name}`;
    let n = this.functionNodes.get(id);
    if (!n || n.fn !== fn) {
      n = { kind: 'function', id, region: parent.region, fn };
      this.functionNodes.set(id, n);
    }
    return n;
  }

  private visible(region: string): readonly FunctionSummary[] {
    const filter = this.filterOf(region);
    return applyFilter(this.aws.functions.get(region).functions, filter ? parseFilter(filter) : undefined);
  }

  private regionNode(region: string): RegionNode {
    let n = this.regionNodes.get(region);
    if (!n) {
      n = { kind: 'region', id: `${this.aws.session.label}/${region}`, region };
      this.regionNodes.set(region, n);
    }
    return n;
  }

  private state(region: string): RegionState {
    let s = this.regionState.get(region);
    if (!s) {
      s = { shown: MAX_PAGE_SIZE, error: undefined, moreError: undefined };
      this.regionState.set(region, s);
    }
    return s;
  }

  private detailKey(fn: Pick<FunctionSummary, 'arn'>): string {
    return `${parseArn(fn.arn)?.region ?? ''}/${fn.arn}`;
  }

  private reset(): void {
    this.aws.functions.clear();
    this.regionState = new Map();
    this.regionNodes = new Map();
    this.functionNodes = new Map();
    this.detailCache = new Map();
  }

  private fire(node: ExplorerNode | undefined): void {
    for (const l of [...this.listeners]) l(node);
  }
}
