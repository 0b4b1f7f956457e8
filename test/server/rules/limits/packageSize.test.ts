/** limits/package-size over real measurements of generated trees (sparse files stand in for big ones). */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { truncateSync } from 'node:fs';
import { join } from 'node:path';
import { locateFunctions } from '../../../../server/src/measure/locate';
import { PackageSizeService } from '../../../../server/src/measure/service';
import type { FunctionSize } from '../../../../server/src/measure/types';
import { packageSize } from '../../../../server/src/rules/limits/packageSize';
import { buildTemplate } from '../../../../server/src/template/model';
import { emptyFixture } from '../../measure/fixtures';
import { lineCol, runRule, yaml } from '../../../support/ruleTester';

const MB = 1024 * 1024;

const TEMPLATE = yaml`
  Transform: AWS::Serverless-2016-10-31
  Globals:
    Function:
      Runtime: nodejs22.x
  Resources:
    Huge:
      Type: AWS::Serverless::Function
      Properties:
        CodeUri: huge/
        Handler: index.handler
    WithLayer:
      Type: AWS::Serverless::Function
      Properties:
        CodeUri: medium/
        Handler: index.handler
        Layers:
          - !Ref Deps
          - arn:aws:lambda:us-east-1:123456789012:layer:shared:3
    Noisy:
      Type: AWS::Serverless::Function
      Properties:
        CodeUri: noisy/
        Handler: index.handler
    Editable:
      Type: AWS::Serverless::Function
      Properties:
        CodeUri: mid/
        Handler: index.handler
    Small:
      Type: AWS::Serverless::Function
      Properties:
        CodeUri: small/
        Handler: index.handler
    Deps:
      Type: AWS::Serverless::LayerVersion
      Properties:
        ContentUri: layers/deps/
`;

describe('limits/package-size', function () {
  const fx = emptyFixture('project');
  const sizes = new Map<string, FunctionSize>();
  const service = new PackageSizeService();

  before(async () => {
    const sparse = (rel: string, bytes: number) => {
      fx.write(rel, '');
      truncateSync(join(fx.root, rel), bytes);
    };
    fx.write('huge/index.js', 'exports.handler = async () => 1;\n');
    sparse('huge/model.bin', 251 * MB);
    fx.write('medium/index.js', 'exports.handler = async () => 1;\n');
    sparse('medium/data.bin', 200 * MB);
    sparse('layers/deps/nodejs/node_modules/big/blob.bin', 60 * MB);
    // Random bytes do not compress: the zipped size is the file size.
    fx.write('noisy/blob.bin', randomBytes(51 * MB));
    fx.write('mid/blob.bin', randomBytes(4 * MB));
    fx.write('small/index.js', 'exports.handler = async () => 1;\n');
    for (const lf of locateFunctions(buildTemplate(TEMPLATE))) sizes.set(lf.spec.id, await service.measureFunction(fx.root, lf.spec));
  });
  after(() => {
    service.dispose();
    fx.cleanup();
  });

  const run = (text = TEMPLATE, get: (id: string) => FunctionSize | undefined = (id) => sizes.get(id)) =>
    runRule(packageSize, text, { packageSizes: { get } }).map((d) => ({
      at: lineCol(text, d.range.start).join(':'),
      severity: d.severity,
      resource: d.resource,
      message: d.message,
      related: d.related.map((r) => `${lineCol(text, r.range.start).join(':')} ${r.message}`),
    }));

  it('reports each limit once per function, at its CodeUri, with the right level', () => {
    assert.deepEqual(run().map((d) => [d.resource, d.severity, d.at]), [
      ['Huge', 'error', '9:16'],
      ['WithLayer', 'error', '14:16'],
      ['Noisy', 'warning', '22:16'],
      ['Editable', 'information', '27:16'],
    ]);
  });

  it('says the size, the limit and what to do', () => {
    const [huge, withLayer, noisy, editable] = run();
    assert.match(huge!.message, /^Huge is 251 MB unzipped \(code folder: .*huge\), above Lambda's 250 MB \(262,144,000 bytes\) limit .* container image/);
    assert.match(withLayer!.message, /^WithLayer is 260 MB unzipped \(code 200 MB \+ layers 60 MB\) \(code folder: /);
    assert.match(withLayer!.message, /Not counted: external layer arn:aws:lambda:us-east-1:123456789012:layer:shared:3\.$/);
    assert.deepEqual(withLayer!.related, ['17:11 Layer Deps: 60 MB unzipped.']);
    assert.match(noisy!.message, /^Noisy is 51 MB zipped \(code folder: .*noisy\), above the 50 MB limit for direct upload\. Deploy through S3/);
    assert.match(editable!.message, /^Editable is 4 MB zipped \(code folder: .*mid\): the Lambda console's code editor cannot open packages above 3 MB/);
  });

  it('stays silent while measurements are pending, and without a measurement service', () => {
    assert.deepEqual(run(TEMPLATE, () => undefined), []);
    assert.deepEqual(runRule(packageSize, TEMPLATE), []);
  });

  it('calls a partial figure (dependencies not counted) a lower bound', async () => {
    fx.write('py/requirements.txt', 'numpy\n');
    fx.write('py/blob.bin', '');
    truncateSync(join(fx.root, 'py/blob.bin'), 251 * MB);
    const text = TEMPLATE.replace('CodeUri: huge/', 'CodeUri: py/\n      Runtime: python3.13');
    const [lf] = locateFunctions(buildTemplate(text));
    const size = await service.measureFunction(fx.root, lf!.spec);
    assert.match(run(text, (id) => (id === 'Huge' ? size : undefined))[0]!.message, /^Huge is at least 251 MB unzipped \(source only, dependencies not counted: .*py\), above/);
  });

  it('reports a package too large to measure once what was seen passes the quota', async () => {
    const [lf] = locateFunctions(buildTemplate(TEMPLATE));
    const stopped = await service.measureFunction(fx.root, lf!.spec, { limits: { maxFiles: 1, maxBytes: 1e12, timeBudgetMs: 60_000 } });
    assert.equal(stopped.status, 'too-large');
    const [d] = run(TEMPLATE, (id) => (id === 'Huge' ? stopped : undefined));
    assert.deepEqual([d!.severity, d!.at], ['error', '9:16']);
    assert.match(d!.message, /^Huge is more than 251 MB unzipped \(measuring stopped there: too large to measure: more than 1 files/);
  });

  it('reports a CodeUri inherited from Globals at the function, with Globals related', () => {
    const text = yaml`
      Transform: AWS::Serverless-2016-10-31
      Globals:
        Function:
          CodeUri: huge/
      Resources:
        Huge:
          Type: AWS::Serverless::Function
          Properties:
            Handler: index.handler
    `;
    assert.deepEqual(run(text).map((d) => [d.at, d.related]), [['6:3', ['4:14 Huge inherits this CodeUri from Globals.']]]);
  });
});
