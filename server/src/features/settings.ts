/** The `lambdaLens.*` settings the server reads, with defaults, and their conversion into validation options. */
import { QUOTAS } from '../quotas';
import { DEFAULT_CONFIG_ENV } from '../deployed/samconfig';
import type { RuleLevel, ValidationOptions } from '../rules/types';
import type { DeployedSettings } from './deployedView';

export interface ServerSettings {
  readonly rules: Readonly<Record<string, RuleLevel>>;
  readonly accountConcurrencyLimit: number;
  /** `lambdaLens.bundleSize.enabled`: measure packages (CodeLens and limits/package-size). */
  readonly bundleSizeEnabled: boolean;
  /** `lambdaLens.deployed.stacks` and `lambdaLens.deployed.configEnv`. */
  readonly deployed: DeployedSettings;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  rules: {},
  accountConcurrencyLimit: QUOTAS.defaultAccountConcurrency,
  bundleSizeEnabled: true,
  deployed: { stacks: {}, configEnv: DEFAULT_CONFIG_ENV },
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
    deployed: parseDeployed(section.deployed),
    rules,
    accountConcurrencyLimit: typeof limit === 'number' && Number.isFinite(limit) && limit > 0 ? limit : DEFAULT_SETTINGS.accountConcurrencyLimit,
    bundleSizeEnabled: typeof bundleSize.enabled === 'boolean' ? bundleSize.enabled : DEFAULT_SETTINGS.bundleSizeEnabled,
  };
}

/** `lambdaLens.deployed`: a stack name or `{ stack, region }` per template; malformed entries are skipped. */
function parseDeployed(raw: unknown): DeployedSettings {
  const d = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const stacks: Record<string, { stack: string; region?: string }> = {};
  if (d.stacks && typeof d.stacks === 'object') {
    for (const [path, v] of Object.entries(d.stacks as Record<string, unknown>)) {
      if (typeof v === 'string' && v.trim()) stacks[path] = { stack: v.trim() };
      else if (v && typeof v === 'object' && typeof (v as { stack?: unknown }).stack === 'string') {
        const { stack, region } = v as { stack: string; region?: unknown };
        stacks[path] = { stack, ...(typeof region === 'string' && region ? { region } : {}) };
      }
    }
  }
  const env = typeof d.configEnv === 'string' && d.configEnv.trim() ? d.configEnv.trim() : DEFAULT_CONFIG_ENV;
  return { stacks, configEnv: env };
}

/** Validation options for the editor on `today`: syntax errors are left to the YAML / JSON language support. */
export function editorOptions(settings: ServerSettings, today: Date): ValidationOptions {
  return { accountConcurrencyLimit: settings.accountConcurrencyLimit, today, ruleLevels: settings.rules, reportSyntax: false };
}
