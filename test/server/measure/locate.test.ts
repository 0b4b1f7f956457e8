/** Where the template says each function's code and layers are. */
import assert from 'node:assert/strict';
import { locateFunctions } from '../../../server/src/measure/locate';
import { buildTemplate } from '../../../server/src/template/model';
import { yaml } from '../../support/ruleTester';

const TEMPLATE = yaml`
  Transform: AWS::Serverless-2016-10-31
  Parameters:
    CodeDir:
      Type: String
      Default: functions/api
  Globals:
    Function:
      Layers:
        - arn:aws:lambda:us-east-1:123456789012:layer:shared:3
  Resources:
    Api:
      Type: AWS::Serverless::Function
      Properties:
        CodeUri: !Ref CodeDir
        Layers:
          - !Ref Deps
          - !Ref Raw
    Worker:
      Type: AWS::Serverless::Function
      Properties:
        CodeUri: s3://artifacts/worker.zip
    Image:
      Type: AWS::Serverless::Function
      Properties:
        PackageType: Image
    Inline:
      Type: AWS::Lambda::Function
      Properties:
        Code:
          ZipFile: exports.handler = async () => 1;
    Plain:
      Type: AWS::Lambda::Function
      Properties:
        Code: build/plain.zip
    Bucketed:
      Type: AWS::Lambda::Function
      Properties:
        Code:
          S3Bucket: artifacts
          S3Key: plain.zip
    Deps:
      Type: AWS::Serverless::LayerVersion
      Properties:
        ContentUri: layers/deps
    Raw:
      Type: AWS::Lambda::LayerVersion
      Properties:
        Content: layers/raw.zip
`;

describe('measure/locate: code locations from the template', () => {
  it('resolves paths, parameter defaults, S3, images, inline code, Globals layers and layer content', () => {
    const found = locateFunctions(buildTemplate(TEMPLATE)).map((f) => f.spec);
    assert.deepEqual(found, [
      {
        id: 'Api',
        code: { kind: 'path', path: 'functions/api', build: { kind: 'as-is' } },
        layers: [
          { kind: 'external', name: 'arn:aws:lambda:us-east-1:123456789012:layer:shared:3' },
          { kind: 'template', id: 'Deps', code: { kind: 'path', path: 'layers/deps', build: { kind: 'as-is' } } },
          { kind: 'template', id: 'Raw', code: { kind: 'path', path: 'layers/raw.zip', build: { kind: 'as-is' } } },
        ],
      },
      { id: 'Worker', code: { kind: 's3', location: 's3://artifacts/worker.zip' }, layers: [{ kind: 'external', name: 'arn:aws:lambda:us-east-1:123456789012:layer:shared:3' }] },
      { id: 'Image', code: { kind: 'image' }, layers: [{ kind: 'external', name: 'arn:aws:lambda:us-east-1:123456789012:layer:shared:3' }] },
      { id: 'Inline', code: { kind: 'inline' }, layers: [] },
      { id: 'Plain', code: { kind: 'path', path: 'build/plain.zip', build: { kind: 'as-is' } }, layers: [] },
      { id: 'Bucketed', code: { kind: 's3', location: 's3://artifacts/plain.zip' }, layers: [] },
    ]);
  });

  it('labels a code location that depends on a condition or a runtime value as unknown', () => {
    const t = buildTemplate(yaml`
      Transform: AWS::Serverless-2016-10-31
      Conditions:
        Prod: !Equals [!Ref AWS::AccountId, '1']
      Resources:
        A:
          Type: AWS::Serverless::Function
          Properties:
            CodeUri: !If [Prod, dist/, src/]
        B:
          Type: AWS::Serverless::Function
          Properties:
            CodeUri: !ImportValue shared-code
    `);
    assert.deepEqual(locateFunctions(t).map((f) => f.spec.code), [
      { kind: 'unknown', why: 'CodeUri depends on a condition' },
      { kind: 'unknown', why: 'CodeUri is not known until deployment' },
    ]);
  });
});
