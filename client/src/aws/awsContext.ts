/**
 * The long-lived AWS state of the extension: the session for the chosen profile, its client factory,
 * the regions to show and the functions loaded per region. Features (explorer, invoke) receive it and
 * subscribe to changes; a profile or endpoint change builds a new session, factory and cache.
 * Free of `vscode`, so tests drive it with plain settings.
 */
import { createClientFactory, type AwsClientFactory, type AwsClientSettings, type FactoryHooks } from '../../../server/src/aws/clientFactory';
import { FunctionListCache } from './functionList';
import { isRegionId } from '../../../server/src/aws/regions';
import { createSession, type AwsSession } from '../../../server/src/aws/session';

type Env = Readonly<Record<string, string | undefined>>;

/** The `lambdaLens.*` settings that shape AWS access. */
export interface AwsSettings {
  /** The chosen profile; empty for AWS_PROFILE / environment / default. */
  profile: string | undefined;
  /** Regions to show; empty for the profile's region. */
  regions: string[];
  client: Partial<AwsClientSettings>;
}

/** What changed, for listeners that only care about part of it. */
export interface AwsChange {
  /** True when the session (profile, credentials, endpoint) was rebuilt. */
  session: boolean;
  /** True when the region list changed. */
  regions: boolean;
}

/** Builds a session for the settings; tests pass one that fixes the environment. */
export type SessionBuilder = (settings: AwsSettings) => AwsSession;

/** Session, client factory, regions and function cache, rebuilt together on change. */
export class AwsContext {
  private current: { session: AwsSession; factory: AwsClientFactory; functions: FunctionListCache };
  private settings: AwsSettings;
  private readonly listeners = new Set<(change: AwsChange) => void>();

  constructor(
    settings: AwsSettings,
    private readonly buildSession: SessionBuilder,
    /** Passed to every factory: where failed calls are reported (the extension's log). */
    private readonly hooks: FactoryHooks = {},
  ) {
    this.settings = settings;
    this.current = this.build();
  }

  /** A context whose sessions read credentials from `env` (process.env in the extension). */
  static fromEnv(settings: AwsSettings, env: Env, mfaCodeProvider?: (mfaSerial: string) => Promise<string>, hooks?: FactoryHooks): AwsContext {
    return new AwsContext(
      settings,
      (s) => createSession({ profile: s.profile || undefined, env, stsEndpoint: s.client.endpoint, mfaCodeProvider }),
      hooks,
    );
  }

  get session(): AwsSession {
    return this.current.session;
  }

  get factory(): AwsClientFactory {
    return this.current.factory;
  }

  /** Functions loaded so far per region, for this session. */
  get functions(): FunctionListCache {
    return this.current.functions;
  }

  /** The regions to show: the setting's valid entries, else the session's default region. */
  get regions(): string[] {
    const chosen = [...new Set(this.settings.regions.filter(isRegionId))];
    return chosen.length ? chosen : [this.current.session.defaultRegion];
  }

  /** Applies new settings; rebuilds what they affect and tells listeners. */
  update(next: AwsSettings): void {
    const prev = this.settings;
    this.settings = next;
    const sessionChanged = prev.profile !== next.profile || JSON.stringify(prev.client) !== JSON.stringify(next.client);
    const regionsChanged = JSON.stringify(prev.regions) !== JSON.stringify(next.regions);
    if (sessionChanged) this.rebuild();
    else if (regionsChanged) this.emit({ session: false, regions: true });
  }

  /** Builds a new session (e.g. after `aws sso login` or edited credential files) and tells listeners. */
  rebuild(): void {
    this.current.factory.dispose();
    this.current = this.build();
    this.emit({ session: true, regions: true });
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  onDidChange(listener: (change: AwsChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Closes the clients. */
  dispose(): void {
    this.current.factory.dispose();
    this.listeners.clear();
  }

  private build() {
    const session = this.buildSession(this.settings);
    const factory = createClientFactory(session, this.settings.client, this.hooks);
    return { session, factory, functions: new FunctionListCache(factory) };
  }

  private emit(change: AwsChange): void {
    for (const l of [...this.listeners]) l(change);
  }
}
