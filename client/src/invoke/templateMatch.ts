/**
 * Finds the template that defines a deployed function, among open documents and template files in the
 * workspace, and reads the event context from it.
 */
import * as vscode from 'vscode';
import { eventContext, findFunction } from '../../../server/src/events/context';
import type { EventContext } from '../../../server/src/events/context';
import { buildTemplate } from '../../../server/src/template/model';

const TEMPLATE_GLOB = '**/{template,*.template,*-template,template-*}.{yaml,yml,json}';
const EXCLUDE = '{**/node_modules/**,**/.aws-sam/**,**/cdk.out/**}';
const MAX_FILES = 30;

/** The event context of `functionName` from the first template that defines it; region and account only otherwise. */
export async function templateContextFor(functionName: string, region: string, account: string): Promise<EventContext & { template?: vscode.Uri }> {
  const opts = { region, account };
  const seen = new Set<string>();
  const candidates: Array<{ uri: vscode.Uri; text: () => Promise<string> }> = [];
  for (const d of vscode.workspace.textDocuments) {
    if (!['yaml', 'json'].includes(d.languageId) || d.uri.scheme === 'output') continue;
    seen.add(d.uri.toString());
    candidates.push({ uri: d.uri, text: async () => d.getText() });
  }
  for (const uri of await vscode.workspace.findFiles(TEMPLATE_GLOB, EXCLUDE, MAX_FILES)) {
    if (!seen.has(uri.toString())) candidates.push({ uri, text: async () => Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8') });
  }
  for (const c of candidates) {
    const t = buildTemplate(await c.text().catch(() => ''));
    if (!t.isTemplate) continue;
    const fn = findFunction(t, functionName);
    if (fn) return { ...eventContext(t, fn.id, opts), template: c.uri };
  }
  return { values: { region, account }, suggested: [] };
}
