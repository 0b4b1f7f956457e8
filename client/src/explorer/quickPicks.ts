/** The profile and region quick picks; both persist their choice as a user setting. */
import * as vscode from 'vscode';
import type { AwsContext } from '../aws/awsContext';
import { LAMBDA_REGIONS } from '../../../server/src/aws/regions';
import { listProfiles, type ProfileKind } from '../../../server/src/aws/sharedConfig';

const KIND_LABEL: Record<ProfileKind, string> = {
  static: 'access keys',
  role: 'assumes a role',
  sso: 'IAM Identity Center (SSO)',
  process: 'credential process',
  'web-identity': 'web identity',
  login: 'console login',
  unknown: '',
};

/** Lets the user pick a profile from the shared files (or the environment); writes `lambdaLens.profile`. */
export async function selectProfile(aws: AwsContext): Promise<void> {
  const profiles = listProfiles(aws.session.files);
  const current = aws.session.label;
  type Item = vscode.QuickPickItem & { profile: string };
  const items: Item[] = profiles.map((p) => ({
    label: p.name,
    description: [KIND_LABEL[p.kind], p.region].filter(Boolean).join(' · '),
    detail: p.name === current ? 'current' : undefined,
    profile: p.name,
  }));
  items.push({ label: '$(symbol-variable) Environment / default chain', description: 'AWS_PROFILE, AWS_ACCESS_KEY_ID, …', profile: '' });
  if (profiles.length === 0) {
    void vscode.window.showInformationMessage(
      `No profiles found in ${aws.session.files.configFile} or ${aws.session.files.credentialsFile}. Run \`aws configure\` or \`aws configure sso\` to create one.`,
    );
  }
  const picked = await vscode.window.showQuickPick(items, { title: 'AWS profile for Lambda Lens', placeHolder: `Current: ${current}` });
  if (!picked) return;
  await vscode.workspace.getConfiguration('lambdaLens').update('profile', picked.profile, vscode.ConfigurationTarget.Global);
}

/** Lets the user pick the regions to show; writes `lambdaLens.regions` (none picked = the profile's region). */
export async function selectRegions(aws: AwsContext): Promise<void> {
  const shown = new Set(aws.regions);
  const items = LAMBDA_REGIONS.map((r) => ({ label: r.id, description: r.name, picked: shown.has(r.id) }));
  for (const r of shown) if (!LAMBDA_REGIONS.some((k) => k.id === r)) items.unshift({ label: r, description: 'from settings', picked: true });
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Regions to show in the Lambda explorer',
    placeHolder: `None picked: the profile's region (${aws.session.defaultRegion})`,
    canPickMany: true,
  });
  if (!picked) return;
  await vscode.workspace.getConfiguration('lambdaLens').update('regions', picked.map((p) => p.label), vscode.ConfigurationTarget.Global);
}
