/** The `lambdaLens.*` settings the server reads, with defaults, and their conversion into validation options. */
import { QUOTAS } from '../quotas';
import type { RuleLevel, ValidationOptions } from '../rules/types';

export interface ServerSettings {
  readonly rules: Readonly<Record<string, RuleLevel>>;
  readonly accountConcurrencyLimit: number;
  /** `lambdaLens.bundleSize.enabled`: measure packages (CodeLens and limits/package-size). */
  readonly bundleSizeEnabled: boolean;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  rules: {},
  accountConcurrencyLimit: QUOTAS.defaultAccountConcurrency,
  bundleSizeEnabled: true,
};

const LEVELS: ReadonlySet<string> = new Set(['off', 'error', 'warning', 'information']);

/** Reads the `lambdaLens` configuration section, ignoring malformed entries instead of failing. */
export function parseSettings(raw: unknown): ServerSettings {
  const section = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, RuleLevel> = {};
  if (section.rules && typeof section.rules === 'object') {
    for (const [id, level] of Object.entries(section.rules as Record<string, unknown>)) {
      if (typeof level === 'string' && LEVELS.has(level)) rules[id] = level as RuleLevel;
    }
  }
  const limit = section.accountConcurrencyLimit;
  const bundleSize = section.bundleSize && typeof section.bundleSize === 'object' ? (section.bundleSize as Record<string, unknown>) : {};
  return {
    rules,
    accountConcurrencyLimit: typeof limit === 'number' && Number.isFinite(limit) && limit > 0 ? limit : DEFAULT_SETTINGS.accountConcurrencyLimit,
    bundleSizeEnabled: typeof bundleSize.enabled === 'boolean' ? bundleSize.enabled : DEFAULT_SETTINGS.bundleSizeEnabled,
  };
}

/** Validation options for the editor on `today`: syntax errors are left to the YAML / JSON language support. */
export function editorOptions(settings: ServerSettings, today: Date): ValidationOptions {
  return { accountConcurrencyLimit: settings.accountConcurrencyLimit, today, ruleLevels: settings.rules, reportSyntax: false };
}
