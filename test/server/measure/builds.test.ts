/**
 * How the template says code is built: SAM's BuildMethod and BuildProperties, the runtime, and a CDK
 * cloud assembly's asset metadata, for functions and layers; and a CDK assembly measured end to end.
 */
import assert from 'node:assert/strict';
import { createWriteStream, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yazl from 'yazl';
import { locateFunctions } from '../../../server/src/measure/locate';
import { PackageSizeService } from '../../../server/src/measure/service';
import { buildTemplate } from '../../../server/src/template/model';
import { runCli } from '../../support/cli';
import { yaml } from '../../support/ruleTester';
import { emptyFixture } from './fixtures';
import { filesUnder, within, write } from './projects';

describe('measure/builds: how code becomes the package', () => {
  it('reads esbuild BuildProperties in SAM names, and gives Node.js functions the npm workflow', () => {
    const t = buildTemplate(yaml`
      Transform: AWS::Serverless-2016-10-31
      Globals:
        Function:
          Runtime: nodejs22.x
      Resources:
        Bundled:
          Type: AWS::Serverless::Function
          Properties:
            CodeUri: api/
          Metadata:
            BuildMethod: esbuild
            BuildProperties:
              Minify: false
              Target: es2022
              Format: esm
              Sourcemap: true
              EntryPoints: [app.ts]
              External: ['@aws-sdk/*']
              Loader: [.png=file]
              MainFields: module,main
              Banner: js=// banner
              OutExtension: [.js=.mjs]
        Npm:
          Type: AWS::Serverless::Function
          Properties:
            CodeUri: worker/
        ByMethod:
          Type: AWS::Serverless::Function
          Properties:
            CodeUri: worker/
            Runtime: python3.13
          Metadata:
            BuildMethod: makefile
        Python:
          Type: AWS::Serverless::Function
          Properties:
            CodeUri: report/
            Runtime: python3.13
            Layers: [!Ref Deps, !Ref Plain]
        Deps:
          Type: AWS::Serverless::LayerVersion
          Properties:
            ContentUri: layers/deps/
          Metadata:
            BuildMethod: nodejs22.x
        Plain:
          Type: AWS::Serverless::LayerVersion
          Properties:
            ContentUri: layers/plain/
    `);
    const specs = locateFunctions(t).map((f) => f.spec);
    assert.deepEqual(specs.map((s) => s.code.kind === 'path' && s.code.build), [
      {
        kind: 'esbuild',
        properties: { entryPoints: ['app.ts'], minify: false, target: 'es2022', format: 'esm', sourcemap: true, external: ['@aws-sdk/*'], loader: ['.png=file'], mainFields: 'module,main', banner: 'js=// banner', outExtension: ['.js=.mjs'] },
      },
      { kind: 'npm' },
      { kind: 'as-is', runtime: 'python3.13', buildMethod: 'makefile' },
      { kind: 'as-is', runtime: 'python3.13' },
    ]);
    assert.deepEqual(specs[3]!.layers.map((l) => l.kind === 'template' && l.code.kind === 'path' && l.code.build), [{ kind: 'npm' }, { kind: 'as-is' }]);
  });

  it("takes a CDK function's and layer's code from aws:asset:path, not the S3 location", () => {
    const t = buildTemplate(JSON.stringify(cdkTemplate()));
    assert.deepEqual(locateFunctions(t).map((f) => f.spec), [{
      id: 'Fn9270CBC0',
      code: { kind: 'path', path: 'asset.1f2e', build: { kind: 'cdk-asset', bundled: true } },
      layers: [{ kind: 'template', id: 'DepsLayer4A1B', code: { kind: 'path', path: 'asset.9c0d.zip', build: { kind: 'cdk-asset', bundled: false } } }],
    }]);
  });
});

describe('measure: a CDK cloud assembly', function () {
  this.timeout(60_000);
  const fx = emptyFixture('cdk.out');
  let layerBytes = 0;
  before(async () => {
    write(fx.root, 'asset.1f2e/index.js', 'exports.handler=async()=>1;'.repeat(400));
    write(fx.root, 'asset.1f2e/index.js.map', '{"version":3}'.repeat(300));
    write(fx.root, 'asset.1f2e/data/model.bin', '');
    truncateSync(join(fx.root, 'asset.1f2e/data/model.bin'), 251 * 1024 * 1024);
    writeFileSync(join(fx.root, 'MyStack.template.json'), JSON.stringify(cdkTemplate(), null, 1));
    writeFileSync(join(fx.root, 'manifest.json'), JSON.stringify({ version: '36.0.0', artifacts: {} }));
    const zip = new yazl.ZipFile();
    for (const [name, size] of [['nodejs/node_modules/lib/index.js', 7000], ['nodejs/node_modules/lib/package.json', 60]] as const) {
      zip.addBuffer(Buffer.alloc(size, 97), name);
      layerBytes += size;
    }
    zip.end();
    await new Promise<void>((resolve, reject) => zip.outputStream.pipe(createWriteStream(join(fx.root, 'asset.9c0d.zip'))).on('close', resolve).on('error', reject));
  });
  after(() => fx.cleanup());

  it('measures the function asset folder and the layer asset archive, within 2 %', async () => {
    const service = new PackageSizeService();
    try {
      const [lf] = locateFunctions(buildTemplate(JSON.stringify(cdkTemplate())));
      const r = await service.measureFunction(fx.root, lf!.spec);
      assert.ok(r.status === 'measured');
      let assetBytes = 0;
      for (const v of filesUnder(join(fx.root, 'asset.1f2e')).values()) assetBytes += v;
      assert.deepEqual([r.code.basis, r.code.note], ['cdk-asset', 'the CDK asset of the cloud assembly, bundled by CDK']);
      within(r.code.unzippedBytes, assetBytes, 0.02);
      const layer = r.layers[0]!.result;
      assert.ok(!('problem' in layer));
      assert.deepEqual([layer.basis, layer.kind], ['cdk-asset', 'zip']);
      within(layer.unzippedBytes, layerBytes, 0.02);
      within(r.totalUnzippedBytes, assetBytes + layerBytes, 0.02);
    } finally {
      service.dispose();
    }
  });

  it('`lambda-lens check cdk.out` measures the assets and reports limits/package-size', () => {
    const check = runCli(['check', 'cdk.out', '--format', 'json'], fx.base);
    assert.equal(check.code, 1, check.stderr);
    const found = (JSON.parse(check.stdout) as Array<{ rule: string; message: string }>).filter((f) => f.rule === 'limits/package-size');
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /^Fn9270CBC0 is 251 MB unzipped \(code 251 MB \+ layers 7 KB\) \(CDK asset: .*asset\.1f2e\), above Lambda's 250 MB/);
    const size = runCli(['size', 'cdk.out', '--format', 'json'], fx.base);
    const [fn] = JSON.parse(size.stdout) as Array<{ basis: string; layersUnzippedBytes: number }>;
    assert.deepEqual([fn!.basis, fn!.layersUnzippedBytes], ['cdk-asset', layerBytes]);
  });
});

/** A function and a layer as `cdk synth` writes them (Code/Content in the bootstrap bucket, asset metadata beside). */
function cdkTemplate(): object {
  const bucket = { 'Fn::Sub': 'cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}' };
  return {
    Resources: {
      DepsLayer4A1B: {
        Type: 'AWS::Lambda::LayerVersion',
        Properties: { Content: { S3Bucket: bucket, S3Key: '9c0d.zip' }, CompatibleRuntimes: ['nodejs20.x'] },
        Metadata: { 'aws:cdk:path': 'MyStack/Deps/Resource', 'aws:asset:path': 'asset.9c0d.zip', 'aws:asset:is-bundled': false, 'aws:asset:property': 'Content' },
      },
      Fn9270CBC0: {
        Type: 'AWS::Lambda::Function',
        Properties: { Code: { S3Bucket: bucket, S3Key: '1f2e.zip' }, Handler: 'index.handler', Runtime: 'nodejs20.x', Role: 'arn:aws:iam::123456789012:role/fn', Layers: [{ Ref: 'DepsLayer4A1B' }] },
        Metadata: { 'aws:cdk:path': 'MyStack/Fn/Resource', 'aws:asset:path': 'asset.1f2e', 'aws:asset:is-bundled': true, 'aws:asset:property': 'Code' },
      },
    },
  };
}
