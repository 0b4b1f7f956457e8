/**
 * The AWS session: which profile (or the environment) supplies credentials, the default region, and a
 * shared, memoized credential provider. Built once per profile choice and handed to the client factory.
 */
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { FALLBACK_REGION } from './regions';
import { hasEnvCredentials, listProfiles, sharedConfigFiles, type ProfileInfo, type SharedConfigFiles } from './sharedConfig';

type Env = Readonly<Record<string, string | undefined>>;

/** Resolved credentials, as the SDK signs with them. */
export interface AwsCredentialIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/** Something that resolves credentials; the SDK calls it before signing, with its own client config. */
export type AwsCredentialIdentityProvider = (options?: Record<string, unknown>) => Promise<AwsCredentialIdentity>;

/** Where credentials come from. */
export type CredentialSource = { type: 'profile'; profile: ProfileInfo } | { type: 'environment' } | { type: 'none' };

/** The credentials and defaults every AWS call of the extension uses. */
export interface AwsSession {
  /** What supplies credentials; `none` means the user must pick a profile first. */
  readonly source: CredentialSource;
  /** Short name for the status bar and messages: the profile name, or `environment`. */
  readonly label: string;
  /** The profile's region, else AWS_REGION / AWS_DEFAULT_REGION, else us-east-1. */
  readonly defaultRegion: string;
  /** Resolves (and caches until shortly before expiry) the credentials. */
  readonly credentials: AwsCredentialIdentityProvider;
  /** The shared files the session was built from. */
  readonly files: SharedConfigFiles;
}

/** Inputs to {@link createSession}. */
export interface SessionOptions {
  /** A profile the user chose; otherwise AWS_PROFILE, environment keys, then `default`. */
  profile?: string | undefined;
  env: Env;
  /**
   * An endpoint that also serves STS (LocalStack and the test server serve every service on one
   * port), for role profiles; unset for AWS.
   */
  stsEndpoint?: string | undefined;
  /** Asks the user for an MFA code when a role profile names an `mfa_serial`. */
  mfaCodeProvider?: ((mfaSerial: string) => Promise<string>) | undefined;
}

const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000;

/** Wraps a provider so every region shares one resolution, refreshed shortly before it expires. */
export function memoizeCredentials(provider: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
  let pending: Promise<AwsCredentialIdentity> | undefined;
  let value: AwsCredentialIdentity | undefined;
  const fresh = (c: AwsCredentialIdentity): boolean => !c.expiration || c.expiration.getTime() - Date.now() > REFRESH_BEFORE_EXPIRY_MS;
  // The SDK passes its client config (region, …) so role profiles can reach STS in the caller's region.
  return async (options) => {
    if (value && fresh(value)) return value;
    pending ??= provider(options).then(
      (c) => {
        value = c;
        pending = undefined;
        return c;
      },
      (e: unknown) => {
        pending = undefined;
        throw e;
      },
    );
    return pending;
  };
}

const noCredentials: AwsCredentialIdentityProvider = () =>
  Promise.reject(Object.assign(new Error('No AWS profile is selected and no credentials are set in the environment.'), { name: 'CredentialsProviderError' }));

/** Picks the credential source from the options and the shared files. */
export function chooseSource(options: SessionOptions, profiles: readonly ProfileInfo[]): CredentialSource {
  const wanted = options.profile || options.env.AWS_PROFILE;
  if (wanted) {
    const found = profiles.find((p) => p.name === wanted);
    // A named profile missing from the files still goes to fromIni, whose error says so.
    return { type: 'profile', profile: found ?? { name: wanted, kind: 'unknown', region: undefined, settings: {} } };
  }
  if (hasEnvCredentials(options.env)) return { type: 'environment' };
  const fallback = profiles.find((p) => p.name === 'default');
  return fallback ? { type: 'profile', profile: fallback } : { type: 'none' };
}

/**
 * Credentials from the given environment: its key pair directly (so a caller's env object is
 * honoured, not only process.env), else the SDK's chain for web identity and container credentials.
 */
function environmentCredentials(env: Env, files: SharedConfigFiles): AwsCredentialIdentityProvider {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = env;
  if (accessKeyId && secretAccessKey) {
    const expiration = env.AWS_CREDENTIAL_EXPIRATION ? new Date(env.AWS_CREDENTIAL_EXPIRATION) : undefined;
    const identity: AwsCredentialIdentity = { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}), ...(expiration ? { expiration } : {}) };
    return () => Promise.resolve(identity);
  }
  return fromNodeProviderChain({ filepath: files.credentialsFile, configFilepath: files.configFile });
}

/** Builds the session for a profile choice. */
export function createSession(options: SessionOptions): AwsSession {
  const files = sharedConfigFiles(options.env);
  const source = chooseSource(options, listProfiles(files));
  const envRegion = options.env.AWS_REGION || options.env.AWS_DEFAULT_REGION;
  let provider: AwsCredentialIdentityProvider;
  if (source.type === 'profile') {
    provider = fromIni({
      profile: source.profile.name,
      filepath: files.credentialsFile,
      configFilepath: files.configFile,
      ignoreCache: true,
      ...(options.stsEndpoint ? { clientConfig: { endpoint: options.stsEndpoint } } : {}),
      ...(options.mfaCodeProvider ? { mfaCodeProvider: options.mfaCodeProvider } : {}),
    });
  } else if (source.type === 'environment') {
    provider = environmentCredentials(options.env, files);
  } else {
    provider = noCredentials;
  }
  return {
    source,
    label: source.type === 'profile' ? source.profile.name : source.type === 'environment' ? 'environment' : 'no profile',
    defaultRegion: (source.type === 'profile' ? source.profile.region : undefined) ?? envRegion ?? FALLBACK_REGION,
    credentials: memoizeCredentials(provider),
    files,
  };
}
