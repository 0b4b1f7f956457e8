/** Per-region state of the loopback Lambda API: functions, versions, aliases, mappings, account. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError, invalidParameter, notFound } from './apiError';
import { unzipTo } from './unzip';

/** The JSON shape of a function configuration, as Lambda returns it. */
export type FunctionConfig = Record<string, unknown> & {
  FunctionName: string;
  FunctionArn: string;
  Version: string;
  CodeSize: number;
  MemorySize: number;
  Timeout: number;
  Handler?: string;
  Environment?: { Variables: Record<string, string> };
};

/** What a test may give to create a function; anything Lambda returns may be set. */
export interface FunctionSeed extends Record<string, unknown> {
  FunctionName: string;
  /** Deployment package as zip bytes. */
  zip?: Buffer;
  /** Deployment package as files (name -> source), written to disk as they are. */
  files?: Record<string, string>;
  /** Reserved concurrency, returned by GetFunction as Concurrency. */
  reservedConcurrency?: number;
  /** A function URL with this auth type (`AWS_IAM` or `NONE`), served by GetFunctionUrlConfig. */
  urlAuthType?: string;
  Tags?: Record<string, string>;
}

/** A stored function with its published versions and aliases. */
export interface StoredFunction {
  config: FunctionConfig;
  codeDir: string | undefined;
  zip: Buffer | undefined;
  versions: Map<string, FunctionConfig>;
  aliases: Map<string, Record<string, unknown> & { Name: string; FunctionVersion: string }>;
  tags: Record<string, string>;
  reservedConcurrency: number | undefined;
  urlAuthType: string | undefined;
  nextVersion: number;
}

const NAME_PATTERN =
  /^(?:arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\d{12}:function:|\d{12}:function:)?([a-zA-Z0-9-_]+)(?::(\$LATEST|[a-zA-Z0-9-_]+))?$/;

/** Splits `name`, `name:qualifier`, a partial ARN or a full ARN into name and qualifier. */
export function parseFunctionName(raw: string, qualifier?: string | null): { name: string; qualifier: string | undefined } {
  const m = NAME_PATTERN.exec(raw);
  if (!m) {
    throw new ApiError(
      400,
      'ValidationException',
      `1 validation error detected: Value '${raw}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?`,
    );
  }
  return { name: m[1] ?? raw, qualifier: m[2] ?? qualifier ?? undefined };
}

/** Lambda's list operations: an opaque marker, at most 50 items a page. */
export function page<T>(items: readonly T[], query: URLSearchParams): { slice: T[]; next: string | undefined } {
  const max = Math.min(Number(query.get('MaxItems') ?? 50) || 50, 50);
  let start = 0;
  const marker = query.get('Marker');
  if (marker) {
    try {
      start = (JSON.parse(Buffer.from(marker, 'base64url').toString()) as { o: number }).o;
    } catch {
      start = Number.NaN;
    }
    if (!Number.isInteger(start) || start < 0 || start > items.length) throw invalidParameter('Invalid marker');
  }
  const slice = items.slice(start, start + max);
  const next =
    start + max < items.length
      ? Buffer.from(JSON.stringify({ o: start + max, n: crypto.randomBytes(6).toString('hex') })).toString('base64url')
      : undefined;
  return { slice, next };
}

/** One region of one account. */
export class RegionStore {
  readonly functions = new Map<string, StoredFunction>();
  readonly mappings: Array<Record<string, unknown> & { FunctionArn: string; EventSourceArn?: string }> = [];
  accountLimit: Record<string, number> = {
    TotalCodeSize: 80_530_636_800,
    CodeSizeUnzipped: 262_144_000,
    CodeSizeZipped: 52_428_800,
    ConcurrentExecutions: 1000,
    UnreservedConcurrentExecutions: 1000,
  };
  private sorted: FunctionConfig[] | undefined;

  constructor(
    readonly region: string,
    readonly accountId: string,
    private readonly workDir: string,
  ) {}

  /** The ARN of a function, optionally qualified. */
  arn(name: string, qualifier?: string): string {
    return `arn:aws:lambda:${this.region}:${this.accountId}:function:${name}${qualifier ? `:${qualifier}` : ''}`;
  }

  /** Creates a function as CreateFunction would; answers its configuration. */
  add(seed: FunctionSeed): FunctionConfig {
    const { FunctionName, zip, files, reservedConcurrency, urlAuthType, Tags, ...rest } = seed;
    if (this.functions.has(FunctionName)) {
      throw new ApiError(409, 'ResourceConflictException', `Function already exist: ${FunctionName}`, { Type: 'User' });
    }
    let codeDir: string | undefined;
    if (zip || files) {
      codeDir = fs.mkdtempSync(path.join(this.workDir, `${FunctionName}-`));
      if (zip) unzipTo(zip, codeDir);
      for (const [name, text] of Object.entries(files ?? {})) {
        fs.mkdirSync(path.dirname(path.join(codeDir, name)), { recursive: true });
        fs.writeFileSync(path.join(codeDir, name), text);
      }
    }
    const config: FunctionConfig = {
      FunctionName,
      FunctionArn: this.arn(FunctionName),
      Runtime: 'nodejs20.x',
      Role: `arn:aws:iam::${this.accountId}:role/lambda-role`,
      Handler: 'index.handler',
      CodeSize: zip?.length ?? 0,
      Description: '',
      Timeout: 3,
      MemorySize: 128,
      LastModified: new Date().toISOString().replace('Z', '+0000'),
      CodeSha256: crypto.createHash('sha256').update(zip ?? Buffer.from(FunctionName)).digest('base64'),
      Version: '$LATEST',
      TracingConfig: { Mode: 'PassThrough' },
      RevisionId: crypto.randomUUID(),
      State: 'Active',
      LastUpdateStatus: 'Successful',
      PackageType: 'Zip',
      Architectures: ['x86_64'],
      EphemeralStorage: { Size: 512 },
      SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
      LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${FunctionName}` },
      ...rest,
    };
    if (config.Environment) config.Environment = { Variables: config.Environment.Variables ?? {} };
    this.functions.set(FunctionName, {
      config,
      codeDir,
      zip,
      versions: new Map(),
      aliases: new Map(),
      tags: Tags ?? {},
      reservedConcurrency,
      urlAuthType,
      nextVersion: 1,
    });
    this.sorted = undefined;
    return config;
  }

  /** Drops the sorted list after a configuration changed in place. */
  changed(): void {
    this.sorted = undefined;
  }

  /** Removes a function and its mappings. */
  delete(name: string): void {
    const fn = this.functions.get(name);
    if (!fn) return;
    this.functions.delete(name);
    this.sorted = undefined;
    if (fn.codeDir) fs.rmSync(fn.codeDir, { recursive: true, force: true });
  }

  /** Every $LATEST configuration, sorted by name as ListFunctions returns them. */
  list(): FunctionConfig[] {
    this.sorted ??= [...this.functions.values()].map((f) => f.config).sort((a, b) => (a.FunctionName < b.FunctionName ? -1 : 1));
    return this.sorted;
  }

  /** Finds the function and configuration a name/ARN plus qualifier points at. */
  resolve(raw: string, qualifier?: string | null): { fn: StoredFunction; cfg: FunctionConfig; version: string } {
    const { name, qualifier: q } = parseFunctionName(raw, qualifier);
    const fn = this.functions.get(name);
    if (!fn) throw notFound(`Function not found: ${this.arn(name, q)}`);
    if (!q || q === '$LATEST') return { fn, cfg: fn.config, version: '$LATEST' };
    const v = fn.versions.get(q);
    if (v) return { fn, cfg: v, version: q };
    const alias = fn.aliases.get(q);
    if (alias) {
      const target = alias.FunctionVersion === '$LATEST' ? fn.config : fn.versions.get(alias.FunctionVersion);
      if (target) return { fn, cfg: target, version: alias.FunctionVersion };
    }
    throw notFound(`Function not found: ${this.arn(name, q)}`);
  }

  /** Publishes $LATEST as the next numbered version. */
  publish(fn: StoredFunction, description?: string): FunctionConfig {
    const v = String(fn.nextVersion++);
    const cfg: FunctionConfig = {
      ...fn.config,
      Version: v,
      FunctionArn: this.arn(fn.config.FunctionName, v),
      Description: description ?? fn.config.Description,
    };
    fn.versions.set(v, cfg);
    return cfg;
  }

  /** GetAccountSettings for this region. */
  accountSettings(): Record<string, unknown> {
    let total = 0;
    for (const f of this.functions.values()) total += f.config.CodeSize;
    return { AccountLimit: this.accountLimit, AccountUsage: { TotalCodeSize: total, FunctionCount: this.functions.size } };
  }
}
