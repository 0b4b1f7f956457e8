/** What a CLI command may touch: output streams and the working directory (so tests call commands directly). */
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  /** The environment AWS credentials and profiles are read from; process.env when unset. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** A usage error: printed on stderr, exit code 2. */
export class UsageError extends Error {}

/**
 * Splits `--name value` / `--name=value` options from positional arguments. Repeated options
 * accumulate. `--` ends the options (POSIX): everything after it is positional, even `--odd.yaml`.
 */
export function parseArgs(args: readonly string[], valued: readonly string[], flags: readonly string[] = []): {
  positional: string[];
  options: Map<string, string[]>;
} {
  const positional: string[] = [];
  const options = new Map<string, string[]>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (flags.includes(name)) {
      options.set(name, ['true']);
      continue;
    }
    if (!valued.includes(name)) throw new UsageError(`unknown option --${name}`);
    const value = eq > 0 ? a.slice(eq + 1) : args[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    options.set(name, [...(options.get(name) ?? []), value]);
  }
  return { positional, options };
}
