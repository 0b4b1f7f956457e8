/**
 * LSP tier: live diagnostics under bursts of keystrokes. Whether a document is validated at once or
 * after the debounce depends on how long its last validation took; either way every publication is of
 * the version current when it was sent, versions only move forward, and the last one equals what a
 * fresh open of the final text publishes.
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { functionsTemplate } from '../../../server/src/template/sample';
import { validateAtOnce } from '../../../server/src/features/diagnostics';
import { startServer } from '../../support/lspClient';
import type { TestServer } from '../../support/lspClient';

/** Types `count` characters into the first `MemorySize: 512` of `uri` as one burst of range edits; returns the final text. */
function burst(server: TestServer, uri: string, text: string, count: number): string {
  let doc = TextDocument.create(uri, 'yaml', 1, text);
  const at = text.indexOf('MemorySize: 512') + 'MemorySize: 51'.length;
  for (let v = 2; v < 2 + count; v++) {
    const range = { start: doc.positionAt(at), end: doc.positionAt(at + 1) };
    const typed = String(v % 10);
    doc = TextDocument.update(doc, [{ range, text: typed }], v);
    server.change(uri, v, [{ range, text: typed }]);
  }
  return doc.getText();
}

describe('live diagnostics', function () {
  this.timeout(120_000);
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  for (const functions of [3, 400]) {
    it(`publish only current versions, in order, ending with the final text's diagnostics (${functions} functions)`, async () => {
      const uri = `untitled:burst-${functions}.yaml`;
      const text = functionsTemplate(functions);
      const opened = server.nextDiagnostics(uri, (p) => p.version === 1, 60_000);
      server.open(uri, text);
      await opened;
      const from = server.published.length;
      const last = 1 + 30;
      const final = server.nextDiagnostics(uri, (p) => p.version === last, 60_000);
      const finalText = burst(server, uri, text, 30);
      const edited = await final;
      const versions = server.published.slice(from).filter((p) => p.uri === uri).map((p) => p.version!);
      assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `versions published in order: ${versions.join(', ')}`);
      assert.equal(new Set(versions).size, versions.length, `each version at most once: ${versions.join(', ')}`);
      assert.equal(versions.at(-1), last);
      const freshUri = `untitled:fresh-${functions}.yaml`;
      const fresh = server.nextDiagnostics(freshUri, (p) => p.version === 1, 60_000);
      server.open(freshUri, finalText);
      // Related information names the document: compare as if both were the same one.
      assert.deepEqual(JSON.parse(JSON.stringify(await fresh).split(freshUri).join(uri)), edited);
      server.close(uri);
      server.close(freshUri);
    });
  }
});

describe('when a change is validated at once', () => {
  it('is at once until a change has been validated and timed (the validation on open is not)', () => {
    assert.equal(validateAtOnce(undefined, 0), true);
    assert.equal(validateAtOnce([], 0), true);
  });

  it('is at once while validations are fast, or after a pause longer than they take', () => {
    assert.equal(validateAtOnce([4, 6, 5], 1), true);
    assert.equal(validateAtOnce([300, 280, 320], 10), false);
    assert.equal(validateAtOnce([300, 280, 320], 400), true);
    // The median decides: one slow run among fast ones does not make typing wait.
    assert.equal(validateAtOnce([900, 20, 25], 10), true);
  });
});
