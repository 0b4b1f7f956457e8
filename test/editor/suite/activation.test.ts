import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openExample, waitFor } from './helpers';

describe('activation', () => {
  it('is active once a template is open in a workspace of templates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    const started = Date.now();
    const doc = await openExample('app/template.yaml');
    assert.equal(doc.languageId, 'yaml');
    await waitFor(() => extension.isActive, 'the extension to activate');
    console.log(`    activation observed ${Date.now() - started} ms after opening the template`);
  });
});
