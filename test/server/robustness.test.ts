/**
 * Bad input never crashes anything: real SAM templates, every one of them cut short at 200 points
 * (half-typed documents), an alias bomb and a huge file all validate without a rule throwing.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTemplate } from '../../server/src/template/model';
import { validate } from '../../server/src/rules/engine';
import type { Diagnostic } from '../../server/src/rules/types';
import { testOptions } from '../support/ruleTester';

const CORPUS = join(__dirname, '..', 'fixtures', 'corpus', 'sam-translator');
const files = readdirSync(CORPUS).filter((f) => f.endsWith('.yaml')).sort();

/**
 * Error-level findings on valid corpus inputs that are right, with the reason. Everything else
 * error-level on a non-`error_` input fails the test as a false positive.
 */
const EXPECTED_ERRORS: Readonly<Record<string, { rules: readonly string[]; why: string }>> = {
  'kinesis_intrinsics.yaml': {
    rules: ['events/stream-settings'],
    why: 'the IntValue parameter defaults to 50, outside MaximumRecordAgeInSeconds 60..604800 and ParallelizationFactor 1..10; Lambda refuses the mapping',
  },
  'connector_hardcoded_props.yaml': {
    rules: ['runtime/zip-needs-handler', 'schema/required'],
    why: 'its AWS::Lambda::Function is a stub without Code, Handler, Role or Runtime and its state machine has no RoleArn ("Intentionally not complete"); CloudFormation would refuse them',
  },
  'connector_dependson_replace.yaml': {
    rules: ['schema/required', 'schema/invalid-value'],
    why: 'stub resources (a function without Code, a table without KeySchema) and the made-up type AWS::Foo::Bar; CloudFormation would refuse them',
  },
  'connector_esm_dependson.yaml': {
    rules: ['schema/required'],
    why: 'a function without Code and a table without KeySchema: stubs CloudFormation would refuse',
  },
  'function_with_event_filtering.yaml': {
    rules: ['schema/required'],
    why: 'its DynamoDB table has no KeySchema, which CloudFormation requires',
  },
  'schema_validation_3.yaml': {
    rules: ['schema/invalid-value'],
    why: 'AWS::Foo::Bar is not a resource type; CloudFormation would refuse the template',
  },
  'unsupported_resources.yaml': {
    rules: ['schema/invalid-value', 'sam/template-structure'],
    why: 'AWS::Other::ABCD is not a resource type and ResourceMissingTypeShouldBeAccepted has no Type; the translator passes them on, CloudFormation refuses them',
  },
  'function_with_resource_refs.yaml': {
    rules: ['schema/unknown-property'],
    why: 'its AWS::S3::Bucket sets Name, which the bucket does not have (BucketName); CloudFormation would refuse it',
  },
  'basic_function_withimageuri.yaml': {
    rules: ['schema/invalid-value'],
    why: 'ImageConfig.Command and EntryPoint are strings; SAM passes them to AWS::Lambda::Function, whose schema requires lists',
  },
  'function_with_tracing.yaml': {
    rules: ['schema/invalid-value'],
    why: 'Tracing "Hi" and "123" are neither Active, PassThrough nor Disabled; the translator passes them on and Lambda refuses them',
  },
  'function_with_capacity_provider_full.yaml': {
    rules: ['limits/memory-size'],
    why: 'a translation test that gives a Lambda Managed Instances function MemorySize 512, below the 2 GB those functions need; it translates, but Lambda refuses the function',
  },
};

/**
 * Rules whose error-level findings on the corpus are right in every file, with the reason: the
 * translator's inputs pin runtimes (nodejs12.x, python2.7, python3.7, ...) that Lambda no longer
 * lets anyone create or update, and most of them omit `Transform: AWS::Serverless-2016-10-31`
 * (the translator is called on them directly), so deploying them as written fails.
 */
const ALWAYS_RIGHT: ReadonlySet<string> = new Set(['runtime/deprecated', 'template/transform-missing']);

function check(text: string): Diagnostic[] {
  return validate(buildTemplate(text), testOptions({ reportSyntax: true }), (rule, e) => {
    throw new Error(`${rule} threw: ${e instanceof Error ? e.stack : String(e)}`);
  });
}

describe('robustness', function () {
  this.timeout(240_000);

  it(`validates all ${files.length} corpus templates and 200 truncations of each without a rule throwing`, () => {
    for (const f of files) {
      const text = readFileSync(join(CORPUS, f), 'utf8');
      try {
        check(text);
        for (let i = 1; i <= 200; i++) check(text.slice(0, Math.floor((text.length * i) / 201)));
      } catch (e) {
        assert.fail(`${f}: ${(e as Error).message}`);
      }
    }
  });

  it('raises no error-level finding on valid SAM inputs unless it is listed with the reason', () => {
    const wrong: string[] = [];
    for (const f of files.filter((x) => !x.startsWith('error_'))) {
      const allowed = EXPECTED_ERRORS[f]?.rules ?? [];
      for (const d of check(readFileSync(join(CORPUS, f), 'utf8'))) {
        if (d.severity === 'error' && !allowed.includes(d.rule) && !ALWAYS_RIGHT.has(d.rule)) wrong.push(`${f}: ${d.rule}: ${d.message}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('refuses an alias bomb quickly with a diagnostic instead of expanding it', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const text = `AWSTemplateFormatVersion: '2010-09-09'\n${levels.join('\n')}\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Environment:\n        Variables: {X: *j}\n`;
    const started = process.hrtime.bigint();
    const diags = check(text);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.ok(ms < 2_000, `took ${ms} ms`);
    const bomb = diags.filter((d) => d.rule === 'template/parse' && /aliases/.test(d.message));
    assert.equal(bomb.length, 1);
  });

  it('skips a 20 MB file with one information diagnostic', () => {
    const line = '    # padding padding padding padding padding padding padding padding padding\n';
    const text = `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${line.repeat(Math.ceil(20_000_000 / line.length))}`;
    const diags = check(text);
    assert.deepEqual(diags.map((d) => [d.rule, d.severity]), [['template/parse', 'information']]);
    assert.match(diags[0]!.message, /20\.0 MB/);
  });
});
