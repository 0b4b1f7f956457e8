/**
 * Tokenizes text the way VS Code does: vscode-textmate over vscode-oniguruma, with the project's
 * injection grammar injected into a base grammar. The base grammars come from the tm-grammars
 * package: VS Code's own JSON grammar and the TextMate YAML bundle.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry } from 'vscode-textmate';
import type { IGrammar } from 'vscode-textmate';

const require = createRequire(__filename);
const ROOT = join(__dirname, '..', '..');

/** One token: its text and its scope stack, outermost first. */
export interface Token {
  text: string;
  scopes: string[];
}

interface Manifest {
  contributes: { grammars: { scopeName: string; path: string; injectTo?: string[] }[] };
}

let registry: Registry | undefined;

function createRegistry(): Registry {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
  const contributed = manifest.contributes.grammars.filter((g) => g.injectTo);
  const files = new Map<string, string>([
    ['source.yaml', require.resolve('tm-grammars/grammars/yaml.json')],
    ['source.json', require.resolve('tm-grammars/grammars/json.json')],
    ...contributed.map((g): [string, string] => [g.scopeName, join(ROOT, g.path)]),
  ]);
  const onigLib = (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    };
  })();
  return new Registry({
    onigLib,
    loadGrammar: async (scopeName) => {
      const file = files.get(scopeName);
      return file ? parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    // Exactly what VS Code derives from `contributes.grammars[].injectTo`.
    getInjections: (scopeName) => contributed.filter((g) => g.injectTo?.includes(scopeName)).map((g) => g.scopeName),
  });
}

/** The base grammar for `scopeName`, with the injections package.json contributes to it. */
export async function grammarFor(scopeName: 'source.yaml' | 'source.json'): Promise<IGrammar> {
  registry ??= createRegistry();
  const grammar = await registry.loadGrammar(scopeName);
  if (!grammar) throw new Error(`no grammar for ${scopeName}`);
  return grammar;
}

/** Tokenizes `text` line by line, carrying the rule stack across lines. */
export async function tokenize(scopeName: 'source.yaml' | 'source.json', text: string): Promise<Token[][]> {
  const grammar = await grammarFor(scopeName);
  let stack = INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

