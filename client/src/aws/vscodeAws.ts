/**
 * Builds the extension's AwsContext from `lambdaLens.*` settings and process.env, and keeps it in step
 * with setting changes. The one `vscode`-aware piece of the AWS layer.
 */
import * as vscode from 'vscode';
import { AwsContext, type AwsSettings } from './awsContext';
import { DEFAULT_CLIENT_SETTINGS } from './clientFactory';

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

/** The AwsContext for the extension's lifetime, updated when `lambdaLens.*` settings change. */
export function createAwsContext(context: vscode.ExtensionContext): AwsContext {
  const aws = AwsContext.fromEnv(readAwsSettings(), process.env);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (['profile', 'regions', 'endpoint', 'requestTimeoutMs'].some((k) => e.affectsConfiguration(`lambdaLens.${k}`))) aws.update(readAwsSettings());
    }),
    { dispose: () => aws.dispose() },
  );
  return aws;
}
