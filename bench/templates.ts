/**
 * Template pipeline cost at 10 / 100 / 1,000 / 5,000 functions: the `yaml` parse alone, the model,
 * the rules, and their ratio (target: total <= 1.5 x parse); keystrokes over LSP are in typing.ts. `schemaMs` is
 * the share of the rules spent on the specification checks (schema/, template/, sam/ rules). A cold
 * `lambda-lens check` and the server's start are in startup.ts.
 */
import { composeYaml, convertDocument } from '../server/src/template/parse';
import { buildTemplate, templateFromTree } from '../server/src/template/model';
import { functionsOf } from '../server/src/template/functions';
import { refGraph } from '../server/src/template/refs';
import { validate } from '../server/src/rules/engine';
import { RULES } from '../server/src/rules/index';
import type { ValidationOptions } from '../server/src/rules/types';
import { functionsTemplate } from '../server/src/template/sample';
import { median, time } from './stats';

const SPEC_RULES = RULES.filter((r) => /^(schema|template|sam)\//.test(r.meta.id));
const OPTIONS: ValidationOptions = { accountConcurrencyLimit: 100_000, today: new Date(), ruleLevels: {}, reportSyntax: false };

export async function benchTemplates(): Promise<Record<string, unknown>> {
  const sizes: Record<string, unknown> = {};
  for (const count of [10, 100, 1_000, 5_000]) {
    const text = functionsTemplate(count);
    const { diagnostics: _, ...figures } = measurePipeline(text, count >= 1_000 ? 5 : 20, OPTIONS);
    sizes[`${count}`] = { bytes: text.length, ...figures };
  }
  return { templates: sizes };
}

/**
 * Medians over `runs` of the three stages on one text: the `yaml` parse alone, the model (our tree,
 * sections, function views, reference graph) and the rules; ratio = total / parse.
 */
export function measurePipeline(text: string, runs: number, options: ValidationOptions): Record<string, number> {
  const parse: number[] = [];
  const model: number[] = [];
  const rules: number[] = [];
  const schema: number[] = [];
  const total: number[] = [];
  let diagnostics = 0;
  for (let i = 0; i < runs; i++) {
    let doc: ReturnType<typeof composeYaml>;
    parse.push(time(() => (doc = composeYaml(text))));
    let t = buildTemplate('');
    const built = time(() => {
      const parsed = convertDocument(text, doc!);
      t = templateFromTree(text, parsed.root?.kind === 'map' ? parsed.root : undefined, parsed.problems, []);
      functionsOf(t);
      refGraph(t);
    });
    model.push(built);
    const ruled = time(() => {
      diagnostics = validate(t, options).length;
    });
    rules.push(ruled);
    // On a model of its own: the shape checks are cached per node, and the run above filled that cache.
    const parsed = convertDocument(text, doc!);
    const fresh = templateFromTree(text, parsed.root?.kind === 'map' ? parsed.root : undefined, parsed.problems, []);
    schema.push(time(() => validate(fresh, options, undefined, SPEC_RULES)));
    total.push(parse[i]! + built + ruled);
  }
  const parseMs = median(parse);
  const totalMs = median(total);
  return {
    parseMs: round(parseMs),
    modelMs: round(median(model)),
    rulesMs: round(median(rules)),
    schemaMs: round(median(schema)),
    totalMs: round(totalMs),
    ratio: round(totalMs / parseMs),
    diagnostics,
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
