import assert from 'node:assert/strict';
import { buildTemplate } from '../../../server/src/template/model';

describe('template model', () => {
  describe('document format', () => {
    const cases: Array<[string, string, 'json' | 'yaml']> = [
      ['a JSON template', '{ "Resources": { "Q": { "Type": "AWS::SQS::Queue" } } }', 'json'],
      ['JSON after a byte order mark and blank lines', '\uFEFF\n\n  {"AWSTemplateFormatVersion": "2010-09-09"}', 'json'],
      ['an empty JSON object', '{}', 'json'],
      ['half-typed JSON', '{', 'json'],
      ['a block YAML template', 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n', 'yaml'],
      ['a flow YAML template with plain keys', '{ Resources: { Q: { Type: AWS::SQS::Queue } } }', 'yaml'],
      ['an empty document', '', 'yaml'],
    ];
    for (const [name, text, format] of cases) {
      it(`reads ${name} as ${format}`, () => assert.equal(buildTemplate(text).format, format));
    }
  });

  describe('template detection', () => {
    const templates: Record<string, string> = {
      'AWSTemplateFormatVersion alone': "AWSTemplateFormatVersion: '2010-09-09'\n",
      'a SAM Transform': 'Transform: AWS::Serverless-2016-10-31\n',
      'a SAM Transform in a list': 'Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\n',
      'Resources with AWS:: types': 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n',
      'a JSON template': '{ "Resources": { "Q": { "Type": "AWS::SQS::Queue" } } }',
    };
    for (const [name, text] of Object.entries(templates)) {
      it(`recognises ${name}`, () => assert.equal(buildTemplate(text).isTemplate, true));
    }

    const others: Record<string, string> = {
      'a docker-compose file': "version: '3.8'\nservices:\n  web:\n    image: nginx\n    ports: ['80:80']\n",
      'a Kubernetes manifest': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n',
      'a package.json': '{ "name": "x", "version": "1.0.0", "scripts": { "test": "mocha" } }',
      'Resources without AWS:: types': 'Resources:\n  thing:\n    Type: Custom\n',
      'an empty document': '',
      'a scalar document': 'just text\n',
    };
    for (const [name, text] of Object.entries(others)) {
      it(`does not treat ${name} as a template`, () => {
        const t = buildTemplate(text);
        assert.equal(t.isTemplate, false);
        assert.equal(t.resources.size, 0);
      });
    }

    it('tells SAM templates from plain CloudFormation', () => {
      assert.equal(buildTemplate('Transform: AWS::Serverless-2016-10-31\n').isSam, true);
      assert.equal(buildTemplate("AWSTemplateFormatVersion: '2010-09-09'\n").isSam, false);
    });
  });

  describe('sections', () => {
    const text = [
      'Parameters:',
      '  Env: { Type: String, Default: dev }',
      '  Secret: { Type: String, NoEcho: true }',
      '  Ami: { Type: "AWS::SSM::Parameter::Value<String>", Default: /x }',
      'Mappings:',
      '  Sizes: { dev: { mem: 128 } }',
      'Conditions:',
      '  IsProd: !Equals [!Ref Env, prod]',
      'Resources:',
      '  Fn:',
      '    Type: AWS::Lambda::Function',
      '    Condition: IsProd',
      '    Properties: { Timeout: 3 }',
      '  Q:',
      '    Type: AWS::SQS::Queue',
      '  NoType: { Properties: {} }',
      'Outputs:',
      '  Arn: { Value: !GetAtt Q.Arn }',
      '',
    ].join('\n');
    const t = buildTemplate(text);

    it('indexes parameters with their Default, type and NoEcho', () => {
      assert.deepEqual([...t.parameters.keys()], ['Env', 'Secret', 'Ami']);
      const env = t.parameters.get('Env')!;
      assert.equal(text.slice(env.default!.range.start, env.default!.range.end), 'dev');
      assert.equal(t.parameters.get('Secret')!.noEcho, true);
      assert.equal(t.parameters.get('Ami')!.type, 'AWS::SSM::Parameter::Value<String>');
    });

    it('indexes mappings, conditions, outputs and typed resources', () => {
      assert.deepEqual([...t.mappings.keys()], ['Sizes']);
      assert.deepEqual([...t.conditions.keys()], ['IsProd']);
      assert.deepEqual([...t.outputs.keys()], ['Arn']);
      assert.deepEqual([...t.resources.keys()], ['Fn', 'Q']);
      assert.equal(t.resources.get('Fn')!.condition, 'IsProd');
      assert.deepEqual(t.ofType('AWS::SQS::Queue').map((r) => r.id), ['Q']);
    });

    it('finds the resource at an offset', () => {
      assert.equal(t.resourceAt(text.indexOf('Timeout'))?.id, 'Fn');
      assert.equal(t.resourceAt(text.indexOf('AWS::SQS::Queue'))?.id, 'Q');
      assert.equal(t.resourceAt(text.indexOf('Outputs')), undefined);
    });

    it('computes a memo once per model', () => {
      let calls = 0;
      const a = t.memo('test-memo', () => ++calls);
      const b = t.memo('test-memo', () => ++calls);
      assert.deepEqual([a, b, calls], [1, 1, 1]);
    });
  });
});
