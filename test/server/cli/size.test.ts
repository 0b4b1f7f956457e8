/** `lambda-lens size`, called directly with captured output. */
import assert from 'node:assert/strict';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCheck } from '../../../server/src/cli/check';
import { runSize } from '../../../server/src/cli/size';
import type { JsonSize } from '../../../server/src/cli/size';
import { codeBoundary } from '../../../server/src/cli/files';
import { emptyFixture } from '../measure/fixtures';
import { yaml } from '../../support/ruleTester';

const TEMPLATE = yaml`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Api:
      Type: AWS::Serverless::Function
      Properties:
        CodeUri: src/api/
        Handler: index.handler
        Runtime: nodejs22.x
        Layers:
          - !Ref Deps
          - arn:aws:lambda:us-east-1:123456789012:layer:shared:3
    Renderer:
      Type: AWS::Serverless::Function
      Properties:
        PackageType: Image
        ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/renderer:1
    Deps:
      Type: AWS::Serverless::LayerVersion
      Properties:
        ContentUri: layers/deps/
`;

async function run(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runSize(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd });
  return { code, stdout, stderr };
}

describe('lambda-lens size', () => {
  const fx = emptyFixture('project');
  before(() => {
    fx.write('src/api/index.js', 'exports.handler = async () => 1;\n');
    fx.write('src/api/lib/big.js', 'x'.repeat(10_000));
    fx.write('layers/deps/nodejs/node_modules/dep/index.js', 'y'.repeat(2_000));
    writeFileSync(join(fx.root, 'template.yaml'), TEMPLATE);
  });
  after(() => fx.cleanup());

  it('prints one JSON entry per function with sizes, layers and the largest files', async () => {
    const r = await run(['--format', 'json'], fx.root);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as JsonSize[];
    assert.equal(out.length, 2);
    const api = out[0]!;
    assert.ok(api.zippedBytes! > 200 && api.zippedBytes! < 1000, String(api.zippedBytes));
    assert.deepEqual({ ...api, zippedBytes: 0 }, {
      file: 'template.yaml',
      resource: 'Api',
      basis: 'folder',
      partial: false,
      codePath: 'src/api',
      files: 2,
      unzippedBytes: 10_033,
      zippedBytes: 0,
      layersUnzippedBytes: 2_000,
      externalLayers: ['arn:aws:lambda:us-east-1:123456789012:layer:shared:3'],
      largest: [{ path: 'lib/big.js', bytes: 10_000 }, { path: 'index.js', bytes: 33 }],
      modules: [],
      skipped: 0,
    });
    assert.deepEqual(out[1], {
      file: 'template.yaml',
      resource: 'Renderer',
      basis: null,
      partial: false,
      codePath: null,
      files: null,
      unzippedBytes: null,
      zippedBytes: null,
      layersUnzippedBytes: null,
      externalLayers: [],
      largest: [],
      modules: [],
      skipped: 0,
      note: 'container image (PackageType Image): its size is not measurable locally',
    });
  });

  it('prints a readable summary per template', async () => {
    const r = await run(['template.yaml'], fx.root);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], 'template.yaml');
    assert.match(lines[1]!, /^ {2}Api {7}\d+ B zipped · 12 KB unzipped with layers \(0 % of 250 MB\) · 3 files {2}\(code folder: src\/api\)$/);
    assert.equal(lines[2], '            largest: lib/ 10 KB');
    assert.equal(lines[3], '            layer Deps: 2 KB unzipped');
    assert.equal(lines[4], '            not counted: arn:aws:lambda:us-east-1:123456789012:layer:shared:3');
    assert.equal(lines[5], '  Renderer  not measured: container image (PackageType Image): its size is not measurable locally');
  });

  it('exits 1 when a package is above 250 MB unzipped, and check reports limits/package-size', async () => {
    const big = emptyFixture('big');
    try {
      big.write('code/model.bin', '');
      truncateSync(join(big.root, 'code/model.bin'), 251 * 1024 * 1024);
      writeFileSync(join(big.root, 'template.yaml'), TEMPLATE.replace('src/api/', 'code/'));
      const r = await run([], big.root);
      assert.equal(r.code, 1);
      assert.match(r.stdout, /Api {7}✖ .* 251 MB unzipped/);
      let out = '';
      const code = await runCheck(['--format', 'json'], { stdout: (s) => (out += s), stderr: () => undefined, cwd: big.root });
      assert.equal(code, 1);
      const found = (JSON.parse(out) as Array<{ rule: string; line: number; column: number; message: string }>).filter((f) => f.rule === 'limits/package-size');
      assert.deepEqual(found.map((f) => [f.line, f.column]), [[6, 16]]);
      assert.match(found[0]!.message, /^Api is 251 MB unzipped \(code folder: .*\), above Lambda's 250 MB/);
    } finally {
      big.cleanup();
    }
  });

  it('measures code inside the current folder, or inside the folder given for a template outside it', () => {
    assert.deepEqual(codeBoundary('/work/app', ['.'], '/work/app/infra/template.yaml'), { path: '/work/app', name: 'the current folder' });
    assert.deepEqual(codeBoundary('/home/me', ['/work/app'], '/work/app/infra/template.yaml'), { path: '/work/app', name: 'the checked folder' });
    assert.deepEqual(codeBoundary('/home/me', ['/work/app/infra/template.yaml'], '/work/app/infra/template.yaml'), { path: '/work/app/infra', name: "the template's folder" });
  });

  it('exits 2 with the usage for a bad option or a missing path', async () => {
    const bad = await run(['--format', 'xml'], fx.root);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown format "xml"; use text or json/);
    const missing = await run(['nope.yaml'], fx.root);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read nope\.yaml: no such file or folder/);
  });
});
