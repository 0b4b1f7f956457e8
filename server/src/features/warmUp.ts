/**
 * Warming up before the first large document. A document's first validation runs every rule over
 * it, and its first keystrokes run code that validation never ran (re-parsing one resource, moving
 * the others, the validator's update). V8 runs new code in its interpreter first, and optimizes what
 * is called often: without a warm-up, the keystrokes of a 1,000-function template cost the server
 * about 26 ms each, against 15-20 ms after it. The warm-up is paid before the first diagnostics, about
 * 0.5 s at that size (1.4-1.6 s without it, 1.9-2.2 s with it). So before the first document of at
 * least `WARM_UP.resources` resources is validated, a generated template is opened and typed into as
 * an editor types (see `warmUp`). How often the keystroke path's functions are called grows with the
 * template, so the warm-up template grows with the document, up to a bound (`WARM_UP`). Small
 * documents never wait for it.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WARM_UP } from '../config';
import type { ValidationOptions } from '../rules/types';
import { functionsTemplate } from '../template/sample';
import { Analyses } from './analyses';
import { toLspDiagnostic } from './convert';

/**
 * Opens a template of `warmUpFunctions(resources)` functions, for a document of `resources` resources,
 * and types `WARM_UP.keystrokes` keystrokes into it (a digit overtyped, a word typed and deleted),
 * validating and converting each version as the server publishes it. Returns the number of versions
 * validated.
 */
export function warmUp(options: ValidationOptions, resources: number, onRuleError: (ruleId: string, error: unknown) => void = () => undefined): number {
  const analyses = new Analyses(onRuleError);
  const uri = 'untitled:lambda-lens-warm-up.yaml';
  let doc = TextDocument.create(uri, 'yaml', 1, functionsTemplate(warmUpFunctions(resources)));
  const publish = () => {
    const template = analyses.model(doc);
    JSON.stringify(analyses.diagnostics(doc, options).map((d) => toLspDiagnostic(template, uri, d)));
  };
  publish();
  const text = doc.getText();
  const digit = text.indexOf('      MemorySize: 512', text.length >> 1) + '      MemorySize: '.length;
  let end = text.indexOf('MODE: batch', digit) + 'MODE: batch'.length;
  for (let i = 0; i < WARM_UP.keystrokes; i++) {
    let range = { start: doc.positionAt(end), end: doc.positionAt(end) };
    let typed = 'x';
    if (i % 3 === 0) {
      range = { start: doc.positionAt(digit), end: doc.positionAt(digit + 1) };
      typed = i % 2 === 0 ? '9' : '5';
    } else if (i % 6 >= 3) {
      range = { start: doc.positionAt(end - 1), end: doc.positionAt(end) };
      typed = '';
      end--;
    } else end++;
    doc = TextDocument.update(doc, [{ range, text: typed }], doc.version + 1);
    publish();
  }
  return WARM_UP.keystrokes + 1;
}

/** The functions of the warm-up template for a document of `resources` resources (see `WARM_UP`). */
export function warmUpFunctions(resources: number): number {
  return Math.min(WARM_UP.maxFunctions, Math.max(WARM_UP.minFunctions, Math.round(resources / WARM_UP.resourcesPerFunction)));
}
