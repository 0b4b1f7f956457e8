/**
 * Where each rule is documented: docs/rules.md, generated from the rules' metadata and shipped with
 * the extension and the CLI. A rule's link is a file URI of that document with the line of the rule's
 * heading (`file:///.../docs/rules.md#L120`), which VS Code opens at that line from the Problems panel
 * and from hovers; it needs no network and no repository that may not exist.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../packageRoot';

/**
 * A documented example (`docs.bad`, `docs.good`): a complete template, written indented in the rule's
 * source; the common indentation and the first line break are removed, and it ends in one newline.
 */
export function example(text: string): string {
  const lines = text.replace(/^\n/, '').trimEnd().split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return `${lines.map((l) => l.slice(indent)).join('\n')}\n`;
}

/**
 * `text` with each `[from, to]` replacement made once: a documented variant of a shared example.
 * Throws when `from` is not in the text, so an example cannot silently stop showing its mistake.
 */
export function changed(text: string, ...changes: ReadonlyArray<readonly [string, string]>): string {
  return changes.reduce((out, [from, to]) => {
    if (!out.includes(from)) throw new Error(`example change: "${from}" is not in the example`);
    return out.replace(from, to);
  }, text);
}

/** The heading of a rule's section in docs/rules.md. */
export function ruleHeading(id: string): string {
  return `## ${id}`;
}

/** Anchor of a rule in docs/rules.md (GitHub's heading slug of the id), for links inside the repository. */
export function ruleAnchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9 -]/g, '');
}

/** The shipped rule documentation: its file URI and the 1-based line of each rule heading. */
export interface RulesDocument {
  readonly href: string;
  readonly lines: ReadonlyMap<string, number>;
}

/** Reads a rule document; undefined when it cannot be read. */
export function readRulesDocument(path: string): RulesDocument | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const lines = new Map<string, number>();
  text.split('\n').forEach((line, i) => {
    if (line.startsWith('## ')) lines.set(line.slice(3).trim(), i + 1);
  });
  return { href: pathToFileURL(path).href, lines };
}

let shipped: RulesDocument | null | undefined;

/** docs/rules.md of the running package, read once. */
function shippedDocument(): RulesDocument | undefined {
  if (shipped === undefined) {
    const root = packageRoot();
    shipped = (root === undefined ? undefined : readRulesDocument(join(root, 'docs', 'rules.md'))) ?? null;
  }
  return shipped ?? undefined;
}

/** The documentation link of a rule, or undefined for codes the rule document has no section for. */
export function ruleDocsUrl(id: string, doc: RulesDocument | undefined = shippedDocument()): string | undefined {
  const line = doc?.lines.get(id);
  return doc && line !== undefined ? `${doc.href}#L${line}` : undefined;
}
