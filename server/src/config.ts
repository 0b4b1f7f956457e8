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

/** Debounce between a document change and its validation, in milliseconds (LSP). */
export const VALIDATION_DEBOUNCE_MS = 100;
