/**
 * LSP tier for how the specification data loads in the bundled server: the documentation lives in its
 * own bundle (dist/schemaDocs.js, esbuild.mjs) that the server requires at the first hover, the shapes
 * in dist/schemaShapes.js, required by the first check. Hovers show
 * its sentences; a server whose documentation bundle is missing says so and keeps checking.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import type { Hover } from 'vscode-languageserver-protocol/node';
import { SERVER_JS, startServer } from '../../support/lspClient';
import type { TestServer } from '../../support/lspClient';
import shapes from '../../../server/src/data/schema-shapes.json';
import docs from '../../../server/src/data/schema-docs.json';

const TEMPLATE = ['Resources:', '  Jobs:', '    Type: AWS::SQS::Queue', '    Properties:', '      DelaySeconds: soon', ''].join('\n');

/** The specification's sentence for a resource type (`property` undefined) or one of its properties, from the source data. */
function sentence(type: string, property?: string): string {
  const row = (docs.resources as Record<string, number[]>)[type]!;
  const at = property === undefined ? 0 : Object.keys((shapes.resources as Record<string, { p: object }>)[type]!.p).indexOf(property) + 1;
  return docs.strings[row[at]!]!;
}

async function hover(server: TestServer, uri: string, line: number, character: number): Promise<string | undefined> {
  const h = (await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } })) as Hover | null;
  return (h?.contents as { value: string } | undefined)?.value;
}

describe('specification data in the bundled server', function () {
  this.timeout(60_000);

  it('shows the specification documentation on hover over a resource type and a property', async () => {
    const server = await startServer();
    try {
      const uri = 'file:///data/template.yaml';
      const published = server.nextDiagnostics(uri);
      server.open(uri, TEMPLATE);
      await published;
      const type = await hover(server, uri, 2, 14);
      assert.ok(type?.includes(sentence('AWS::SQS::Queue')), type);
      const property = await hover(server, uri, 4, 8);
      assert.ok(property?.includes(sentence('AWS::SQS::Queue', 'DelaySeconds')), property);
    } finally {
      await server.stop();
    }
  });

  it('without its documentation bundle, says on hover what is missing and what to do, and keeps checking', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lambda-lens-nodocs-'));
    for (const file of ['server.js', 'measureWorker.js', 'schemaShapes.js']) copyFileSync(join(dirname(SERVER_JS), file), join(dir, file));
    const server = await startServer({ serverJs: join(dir, 'server.js') });
    try {
      const uri = 'file:///data/template.yaml';
      const published = server.nextDiagnostics(uri);
      server.open(uri, TEMPLATE);
      // A number written as a word: the shape checks still run without documentation.
      assert.ok((await published).some((d) => d.range.start.line === 4), 'the DelaySeconds finding is published');
      await assert.rejects(hover(server, uri, 4, 8), (e: Error) => {
        assert.match(e.message, /could not load its specification documentation data \(Cannot find module '\.\/schemaDocs\.js'\)/);
        assert.match(e.message, /reinstall Lambda Lens/);
        return true;
      });
      const again = server.nextDiagnostics(uri, (p) => p.version === 2);
      server.change(uri, 2, TEMPLATE.replace('soon', '5'));
      assert.ok(!(await again).some((d) => d.range.start.line === 4), 'the server still answers edits');
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
