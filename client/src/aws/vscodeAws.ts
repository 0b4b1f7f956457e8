/**
 * Builds the extension's AwsContext from `lambdaLens.*` settings and process.env, and keeps it in step
 * with setting changes. The one `vscode`-aware piece of the AWS layer.
 */
import * as vscode from 'vscode';
import { AwsContext, type AwsSettings } from './awsContext';
import { DEFAULT_CLIENT_SETTINGS } from '../../../server/src/aws/clientFactory';
import { formatFailure } from '../../../server/src/aws/failure';

/** Reads the AWS-related settings. */
export function readAwsSettings(): AwsSettings {
  const c = vscode.workspace.getConfiguration('lambdaLens');
  const endpoint = c.get<string>('endpoint', '').trim();
  return {
    profile: c.get<string>('profile', '').trim() || undefined,
    regions: c.get<string[]>('regions', []).map((r) => r.trim()).filter(Boolean),
    client: {
      endpoint: endpoint || undefined,
      requestTimeoutMs: Math.max(500, c.get<number>('requestTimeoutMs', DEFAULT_CLIENT_SETTINGS.requestTimeoutMs)),
    },
  };
}

/**
 * The AwsContext for the extension's lifetime, updated when `lambdaLens.*` settings change. Every
 * failed AWS call is written to `log` with its facts (never credentials or payloads).
 */
export function createAwsContext(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): AwsContext {
  const askMfa = async (serial: string): Promise<string> => {
    const code = await vscode.window.showInputBox({ title: `MFA code for ${serial}`, prompt: 'The role of this profile requires multi-factor authentication.', ignoreFocusOut: true });
    if (!code) throw new Error(`No MFA code was entered for ${serial}.`);
    return code;
  };
  const aws = AwsContext.fromEnv(readAwsSettings(), process.env, askMfa, { onFailure: (f) => log.error(formatFailure(f)) });
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (['profile', 'regions', 'endpoint', 'requestTimeoutMs'].some((k) => e.affectsConfiguration(`lambdaLens.${k}`))) aws.update(readAwsSettings());
    }),
    { dispose: () => aws.dispose() },
  );
  return aws;
}
