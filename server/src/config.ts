/**
 * Limits of Lambda Lens itself (not AWS quotas, which live in quotas.ts): how much text it analyses
 * and how far it lets YAML aliases expand.
 */
export const PARSE_LIMITS = {
  /** Files above this many UTF-8 bytes are skipped with one information diagnostic (CloudFormation's own cap is 1 MB). */
  maxFileBytes: 4_000_000,
  /** Total nodes reachable through aliases before the document is refused as an alias bomb. */
  maxAliasExpansion: 100_000,
  /** Nesting (see `nestingBound`) beyond which a document is refused before parsing: the parsers recurse per level. */
  maxDepth: 200,
} as const;

/** IAM and ARN wildcard matching: longer globs or values are not compared (the answer is "unknown"). */
export const WILDCARD_LIMITS = {
  maxLength: 4_096,
} as const;

/**
 * The warm-up before the first large document (features/warmUp.ts): documents of at least `resources`
 * resources wait for it once per server, which types `keystrokes` keystrokes into a template of one
 * function per `resourcesPerFunction` resources of the document, between `minFunctions` and
 * `maxFunctions` (about 0.3 s at 300 resources, 0.6 s from about 1,500 on). Measured over LSP, 120
 * warm-up functions instead of 24 took the server's CPU per keystroke from 21–23 to 17–20 ms at 1,000
 * functions and from 88–94 to 77–81 ms at 5,000, for about 0.35 s more before the first diagnostics
 * at 1,000: the keystroke path's calls per keystroke grow with the template, and V8 optimizes what
 * is called often enough.
 */
export const WARM_UP = {
  resources: 300,
  keystrokes: 60,
  resourcesPerFunction: 13,
  minFunctions: 24,
  maxFunctions: 120,
} as const;

/**
 * Adaptive debounce between a document change and its validation (LSP): a document whose last
 * `window` validations took at most `fastMs` (the keystroke-to-diagnostics budget) in the median, or
 * whose change comes after a pause longer than that median, is validated as soon as the changes
 * already received are applied; otherwise (changes faster than validations) it waits `debounceMs`
 * after the last change, so a burst of keystrokes costs one run.
 */
export const VALIDATION_DEBOUNCE = {
  fastMs: 50,
  window: 5,
  debounceMs: 100,
} as const;

/**
 * Bounds of one package measurement. A deployable package is at most 250 MB unzipped, so anything
 * far past that is reported as too large instead of walked and compressed to the end; the time
 * budget stops a measurement that a slow or hostile file system would otherwise keep running.
 */
export const MEASURE_LIMITS = {
  /** Files of one function's package (code plus layers) walked before it is called too large. */
  maxFiles: 200_000,
  /** Unzipped bytes walked before the package is called too large (eight times Lambda's quota). */
  maxBytes: 2 * 1024 * 1024 * 1024,
  /** Milliseconds one function's measurement may take before it gives up. */
  timeBudgetMs: 60_000,
  /** Skipped entries (unreadable files, links not followed) listed by name; the rest are counted. */
  maxListedSkipped: 20,
} as const;
