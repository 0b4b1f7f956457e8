import assert from 'node:assert/strict';
import { decodeType, getAttAttributes, resourceSpec, resourceTypes, samEventSpec, samEventTypes, samGlobalsSections, schemaSources } from '../../../server/src/schema/spec';

describe('schema spec', () => {
  it('names its sources with versions', () => {
    assert.match(schemaSources().cloudformation, /^@aws-cdk\/aws-service-spec \d+\.\d+\.\d+$/);
    assert.match(schemaSources().sam, /sam\.schema\.json/);
  });

  it('knows CloudFormation resource types with typed, documented properties and nested structures', () => {
    assert.ok(resourceTypes().length > 1500);
    const fn = resourceSpec('AWS::Lambda::Function')!;
    assert.equal(fn.sam, false);
    assert.deepEqual(fn.required, ['Code', 'Role']);
    assert.equal(fn.properties.get('MemorySize')!.type.kind, 'integer');
    assert.deepEqual(fn.properties.get('PackageType')!.type, { kind: 'string', enum: ['Image', 'Zip'] });
    assert.match(fn.properties.get('Handler')!.documentation!, /method within your code/);
    assert.match(fn.documentation!, /creates a Lambda function/);
    const vpc = fn.properties.get('VpcConfig')!.type;
    assert.equal(vpc.kind, 'structure');
    const subnets = vpc.kind === 'structure' ? vpc.structure.properties.get('SubnetIds')!.type : undefined;
    assert.deepEqual(subnets, { kind: 'list', item: { kind: 'string' } });
    assert.match(fn.docsUrl, /aws-resource-lambda-function\.html$/);
  });

  it('gives !GetAtt attributes, for SAM types those of the resource SAM generates', () => {
    assert.ok(getAttAttributes('AWS::SQS::Queue')!.includes('Arn'));
    assert.ok(getAttAttributes('AWS::RDS::DBCluster')!.includes('Endpoint.Address'));
    assert.equal(resourceSpec('AWS::Serverless::Function')!.generatedType, 'AWS::Lambda::Function');
    assert.ok(getAttAttributes('AWS::Serverless::Function')!.includes('Arn'));
    assert.ok(getAttAttributes('AWS::Serverless::Api')!.includes('RootResourceId'));
    assert.equal(getAttAttributes('Custom::Thing'), undefined);
  });

  it('types SAM pass-through properties as the CloudFormation property they are passed to', () => {
    const fn = resourceSpec('AWS::Serverless::Function')!;
    assert.equal(fn.sam, true);
    assert.deepEqual(fn.properties.get('Architectures')!.type, { kind: 'list', item: { kind: 'string' } });
    assert.equal(fn.properties.get('MemorySize')!.type.kind, 'integer');
    assert.deepEqual(fn.properties.get('Tracing')!.type, { kind: 'union', types: [{ kind: 'object' }, { kind: 'string', enum: ['Active', 'PassThrough', 'Disabled'] }] });
  });

  it('lists SAM event types with their Properties and required ones', () => {
    assert.ok(samEventTypes('AWS::Serverless::Function').includes('SQS'));
    assert.ok(samEventTypes('AWS::Serverless::StateMachine').includes('Schedule'));
    assert.deepEqual(samEventTypes('AWS::Lambda::Function'), []);
    const api = samEventSpec('AWS::Serverless::Function', 'Api')!;
    assert.deepEqual(api.properties.required, ['Method', 'Path']);
    assert.equal(api.propertiesRequired, true);
    const sqs = samEventSpec('AWS::Serverless::Function', 'SQS')!;
    assert.equal(sqs.properties.properties.get('BatchSize')!.type.kind, 'integer');
    assert.equal(samEventSpec('AWS::Serverless::Function', 'SQSS'), undefined);
  });

  it('lists the SAM Globals sections and what each may set', () => {
    const sections = samGlobalsSections();
    assert.ok(sections.get('Function')!.properties.has('Runtime'));
    assert.ok(!sections.get('Api')!.properties.has('StageName'));
  });

  it('decodes the compact type grammar', () => {
    assert.deepEqual(decodeType('[{s'), { kind: 'list', item: { kind: 'map', value: { kind: 'string' } } });
    assert.deepEqual(decodeType('(s|[s)'), { kind: 'union', types: [{ kind: 'string' }, { kind: 'list', item: { kind: 'string' } }] });
    assert.throws(() => decodeType('q'), /bad type/);
  });
});
