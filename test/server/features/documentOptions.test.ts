import assert from 'node:assert/strict';
import { Analyses } from '../../../server/src/features/analyses';
import { DocumentOptions } from '../../../server/src/features/documentOptions';
import { PackageSizes } from '../../../server/src/features/packageSizes';
import { DEFAULT_SETTINGS, parseSettings } from '../../../server/src/features/settings';
import { PackageSizeService } from '../../../server/src/measure/service';
import { runtimeInfo } from '../../../server/src/runtimes';
import { yaml } from '../../support/ruleTester';

describe('per-document validation options', () => {
  const service = new PackageSizeService();
  after(() => service.dispose());

  it('reads "today" on every validation, so a runtime deprecated overnight is reported without a settings change', () => {
    const deprecated = runtimeInfo('nodejs16.x')!.deprecated!;
    let now = new Date(`${deprecated}T00:00:00Z`);
    now.setUTCSeconds(-1);
    const options = new DocumentOptions(new PackageSizes(service, () => undefined, () => undefined), { ...DEFAULT_SETTINGS, bundleSizeEnabled: false }, () => now);
    const analyses = new Analyses((id, e) => assert.fail(`rule ${id} threw: ${String(e)}`));
    const text = yaml`
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Fn:
          Type: AWS::Serverless::Function
          Properties: { Handler: index.handler, Runtime: nodejs16.x, InlineCode: "exports.handler = async () => 1;" }
    `;
    const doc = { uri: 'untitled:template.yaml', version: 1, getText: () => text };
    const rules = () => analyses.diagnostics(doc, options.for(doc.uri, analyses.model(doc))).map((d) => d.rule);

    assert.deepEqual(rules(), []);
    const sameDay = options.for(doc.uri, analyses.model(doc));
    assert.equal(options.for(doc.uri, analyses.model(doc)), sameDay, 'the same day reuses the options, and so the cached diagnostics');
    now = new Date(`${deprecated}T00:00:01Z`);
    assert.deepEqual(rules(), ['runtime/deprecated']);
    assert.equal(options.for(doc.uri, analyses.model(doc)).today, now);
  });

  it('keeps its options when the same settings arrive again, and makes new ones when they change', () => {
    const options = new DocumentOptions(new PackageSizes(service, () => undefined, () => undefined), DEFAULT_SETTINGS);
    const before = options.for('untitled:a.yaml', undefined);
    assert.equal(options.applySettings(parseSettings({})), false, 'an empty section is the defaults');
    assert.equal(options.for('untitled:a.yaml', undefined), before, 'so cached diagnostics stay valid');
    assert.equal(options.applySettings(parseSettings({ rules: { 'limits/timeout': 'off' } })), true);
    assert.notEqual(options.for('untitled:a.yaml', undefined), before);
    assert.deepEqual(options.for('untitled:a.yaml', undefined).ruleLevels, { 'limits/timeout': 'off' });
  });
});
