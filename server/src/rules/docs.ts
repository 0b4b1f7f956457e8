/** Where each rule is documented: the generated rule reference shipped with the project. */
import { RULES } from './index';

export const RULES_DOC_BASE = 'https://github.com/lambda-lens/lambda-lens/blob/main/docs/rules.md';

const IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.meta.id));

/** Anchor of a rule in docs/rules.md (GitHub's heading slug of the id). */
export function ruleAnchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9 -]/g, '');
}

/** The documentation link of a registered rule, or undefined for other diagnostic codes. */
export function ruleDocsUrl(id: string): string | undefined {
  return IDS.has(id) ? `${RULES_DOC_BASE}#${ruleAnchor(id)}` : undefined;
}
