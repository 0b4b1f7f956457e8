/** Restricted Mode: the settings VS Code takes from user settings only are real, contributed settings. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  capabilities?: { untrustedWorkspaces?: { supported: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] } };
  contributes: { configuration: { properties: Record<string, unknown> } };
};

describe('workspace trust in package.json', function () {
  const trust = pkg.capabilities?.untrustedWorkspaces;

  it('runs in Restricted Mode with limits it describes', function () {
    assert.equal(trust?.supported, 'limited');
    assert.match(trust?.description ?? '', /esbuild/);
  });

  it('restricts the settings that choose credentials, where requests go and the invoke confirmation, each a contributed setting', function () {
    const restricted = trust?.restrictedConfigurations ?? [];
    assert.deepEqual(restricted.filter((s) => !(s in pkg.contributes.configuration.properties)), [], 'restricted but not contributed');
    for (const s of ['lambdaLens.profile', 'lambdaLens.endpoint', 'lambdaLens.invoke.confirmPattern']) assert.ok(restricted.includes(s), `${s} is not restricted`);
  });
});
