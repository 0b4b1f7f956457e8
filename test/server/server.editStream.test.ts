/**
 * LSP tier, differential: random typing sessions over real templates padded above the incremental
 * re-parse threshold, sent as the range edits an editor sends, with a hover after each so the server
 * builds the model of every version (incrementally where it can). After each session the published
 * diagnostics must equal those of a fresh open of the final text.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer } from '../support/lspClient';
import type { TestServer } from '../support/lspClient';

const CORPUS = join(__dirname, '..', 'fixtures', 'corpus', 'sam-translator');

function rng(seed: number): () => number {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

/** The template with queues added after `Resources:` until it is past the incremental threshold. */
function padded(text: string): string | undefined {
  const m = /^Resources:[ \t]*\n/m.exec(text);
  if (!m) return undefined;
  const pad: string[] = [];
  for (let i = 0; text.length + pad.join('').length < 24_000; i++) pad.push(`  Pad${i}:\n    Type: AWS::SQS::Queue\n    Properties: { DelaySeconds: ${i % 900} }\n`);
  return text.slice(0, m.index + m[0].length) + pad.join('') + text.slice(m.index + m[0].length);
}

/** What a user types: characters, line breaks, deletions, document markers, anchors, aliases, tags, indentation. */
const TYPED = ['x', '9', ' ', '\n', ': ', '---\n', '...\n', ' &a', ' *a', ' !Ref ', '  ', '\n  ', '#'];

describe('edit streams over LSP', function () {
  this.timeout(300_000);
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  it('publish, after random typing sessions, exactly what a fresh open of the final text publishes', async () => {
    const random = rng(2024);
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.yaml') && !f.startsWith('error_')).sort();
    let sessions = 0;
    for (let n = 0; sessions < 8 && n < files.length; n++) {
      const f = files[Math.floor(random() * files.length)]!;
      const start = padded(readFileSync(join(CORPUS, f), 'utf8'));
      if (!start) continue;
      sessions++;
      const uri = `untitled:session-${sessions}.yaml`;
      let doc = TextDocument.create(uri, 'yaml', 1, start);
      const opened = server.nextDiagnostics(uri, (p) => p.version === 1, 60_000);
      server.open(uri, start);
      await opened;
      // Waiting from before the first edit: a fast document's last version may be published before the last hover answers.
      const final = server.nextDiagnostics(uri, (p) => p.version === 26, 60_000);
      // Typing happens around one place of the template, as a person types.
      let at = Math.floor(random() * start.length);
      for (let v = 2; v <= 26; v++) {
        at = Math.max(0, Math.min(doc.getText().length, at + Math.floor(random() * 40) - 20));
        const deleting = random() < 0.25;
        const text = deleting ? '' : TYPED[Math.floor(random() * TYPED.length)]!;
        const range = { start: doc.positionAt(at), end: doc.positionAt(deleting ? at + 1 + Math.floor(random() * 3) : at) };
        doc = TextDocument.update(doc, [{ range, text }], v);
        server.change(uri, v, [{ range, text }]);
        await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: range.start });
        at += text.length;
      }
      const edited = await final;
      const freshUri = `untitled:fresh-${sessions}.yaml`;
      const fresh = server.nextDiagnostics(freshUri, (p) => p.version === 1, 60_000);
      server.open(freshUri, doc.getText());
      assert.deepEqual(edited, await fresh, `${f}: session ${sessions}`);
      server.close(uri);
      server.close(freshUri);
    }
    assert.equal(sessions, 8);
  });
});
