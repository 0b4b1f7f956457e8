/**
 * Reads the AWS shared config and credentials files the way the AWS CLI does, to list profiles and
 * their regions and kinds. Credentials themselves are resolved by @aws-sdk/credential-providers;
 * this module only answers "which profiles exist and what are they".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where the two shared files live. */
export interface SharedConfigFiles {
  configFile: string;
  credentialsFile: string;
}

/** How a profile gets its credentials. */
export type ProfileKind = 'static' | 'role' | 'sso' | 'process' | 'web-identity' | 'login' | 'unknown';

/** One profile, merged from both files. */
export interface ProfileInfo {
  name: string;
  kind: ProfileKind;
  region: string | undefined;
  /** Keys set for the profile (values kept only where they are not secrets). */
  settings: Readonly<Record<string, string>>;
}

type Env = Readonly<Record<string, string | undefined>>;

const SECRET_KEYS = new Set(['aws_secret_access_key', 'aws_session_token']);

const expandHome = (p: string, env: Env): string =>
  p.startsWith('~') ? path.join(env.HOME ?? env.USERPROFILE ?? os.homedir(), p.slice(1)) : p;

/** The shared files, honouring AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE. */
export function sharedConfigFiles(env: Env): SharedConfigFiles {
  const home = env.HOME ?? env.USERPROFILE ?? os.homedir();
  return {
    configFile: expandHome(env.AWS_CONFIG_FILE || path.join(home, '.aws', 'config'), env),
    credentialsFile: expandHome(env.AWS_SHARED_CREDENTIALS_FILE || path.join(home, '.aws', 'credentials'), env),
  };
}

/** Parses INI text into sections of key/value pairs; nested (indented) sub-keys are skipped. */
export function parseIni(text: string): Map<string, Record<string, string>> {
  const sections = new Map<string, Record<string, string>>();
  let current: Record<string, string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^\uFEFF/, '');
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    const header = /^\[([^\]]+)\]\s*(?:[#;].*)?$/.exec(trimmed);
    if (header) {
      const name = (header[1] ?? '').trim().replace(/\s+/g, ' ');
      current = sections.get(name) ?? {};
      sections.set(name, current);
      continue;
    }
    if (!current || /^\s/.test(line)) continue;
    const eq = trimmed.indexOf('=');
    if (eq <= 0) continue;
    const key = trimmed.slice(0, eq).trim().toLowerCase();
    const value = trimmed.slice(eq + 1).trim();
    if (value !== '') current[key] = value;
  }
  return sections;
}

const readText = (file: string): string => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

function kindOf(s: Record<string, string>): ProfileKind {
  if (s.sso_session || s.sso_start_url) return 'sso';
  if (s.role_arn && s.web_identity_token_file) return 'web-identity';
  if (s.role_arn) return 'role';
  if (s.credential_process) return 'process';
  if (s.aws_access_key_id) return 'static';
  if (s.login_session) return 'login';
  return 'unknown';
}

/** Every profile in the two files, sorted with `default` first; unreadable files count as empty. */
export function listProfiles(files: SharedConfigFiles): ProfileInfo[] {
  const merged = new Map<string, Record<string, string>>();
  for (const [section, values] of parseIni(readText(files.configFile))) {
    const m = /^profile\s+(.+)$/.exec(section);
    const name = section === 'default' ? 'default' : m?.[1];
    if (name) merged.set(name, { ...merged.get(name), ...values });
  }
  for (const [name, values] of parseIni(readText(files.credentialsFile))) {
    // The credentials file names profiles bare, and its keys win over the config file's.
    merged.set(name, { ...merged.get(name), ...values });
  }
  return [...merged]
    .map(([name, all]) => {
      const settings: Record<string, string> = {};
      for (const [k, v] of Object.entries(all)) if (!SECRET_KEYS.has(k)) settings[k] = v;
      return { name, kind: kindOf(all), region: all.region, settings };
    })
    .sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name)));
}

/** True when the environment carries credentials: a key pair, a web identity token, or a container endpoint. */
export function hasEnvCredentials(env: Env): boolean {
  return Boolean(
    (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) ||
      (env.AWS_WEB_IDENTITY_TOKEN_FILE && env.AWS_ROLE_ARN) ||
      env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI ||
      env.AWS_CONTAINER_CREDENTIALS_FULL_URI,
  );
}
