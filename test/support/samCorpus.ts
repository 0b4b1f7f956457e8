/**
 * The SAM translator's test inputs as an oracle: the repo's subset (test/fixtures/corpus) and, where
 * it is checked out beside the project, the full shared corpus. `error_*` inputs are invalid on
 * purpose; `sam-translator-errors/` holds the error the translator raises for most of them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from '../../server/src/rules/engine';
import type { Diagnostic } from '../../server/src/rules/types';
import { buildTemplate } from '../../server/src/template/model';
import type { Template } from '../../server/src/template/model';
import { testOptions } from './ruleTester';

const ROOT = join(__dirname, '..', '..');

/** The subset kept in the repository. */
export const FIXTURE_CORPUS = join(ROOT, 'test', 'fixtures', 'corpus');

/**
 * The full corpus (`shared/corpus` beside the project's checkout, or beside the folder of worktrees),
 * or undefined when it is not there: a clone has only the subset.
 */
export function sharedCorpus(): string | undefined {
  return [join(ROOT, '..', 'shared', 'corpus'), join(ROOT, '..', '..', 'shared', 'corpus')].find((d) => existsSync(join(d, 'sam-translator')));
}

/** Rules that do not count as a hit: the translator is called without the transform line, on runtimes since deprecated. */
export const NOT_COUNTED: ReadonlySet<string> = new Set(['template/transform-missing', 'runtime/deprecated']);

/** One corpus input, validated. */
export interface CorpusInput {
  readonly file: string;
  readonly text: string;
  readonly template: Template;
  /** Error-level findings that count. */
  readonly errors: readonly Diagnostic[];
  /** The resources the translator names in its expected error (empty when it names none or the error is held back). */
  readonly named: readonly string[];
  /** True when the corpus has the translator's expected error for this input. */
  readonly expected: boolean;
}

/** The `.yaml` inputs of a corpus whose name passes `keep`, validated with every rule. */
export function corpusInputs(corpus: string, keep: (file: string) => boolean): CorpusInput[] {
  const dir = join(corpus, 'sam-translator');
  return readdirSync(dir).filter((f) => f.endsWith('.yaml') && keep(f)).sort().map((file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const template = buildTemplate(text);
    const errors = validate(template, testOptions({ reportSyntax: true })).filter((d) => d.severity === 'error' && !NOT_COUNTED.has(d.rule));
    const expectedFile = join(corpus, 'sam-translator-errors', file.replace(/\.yaml$/, '.json'));
    const expected = existsSync(expectedFile);
    const message = expected ? (JSON.parse(readFileSync(expectedFile, 'utf8')) as { errorMessage: string }).errorMessage : '';
    const named = [...message.matchAll(/Resource with id \[([^\]]+)\] is invalid/g)].map((m) => m[1]!);
    return { file, text, template, errors, named, expected };
  });
}

/** The invalid inputs (`error_*`) of a corpus. */
export const invalidInputs = (corpus: string): CorpusInput[] => corpusInputs(corpus, (f) => f.startsWith('error_'));

/**
 * True when the resource is flagged: by its own id, or, for an id the template does not declare,
 * through the resource SAM generates it from (`FnMyQueue` for an event of `Fn`).
 */
export function flags(flagged: ReadonlySet<string | undefined>, t: Template, id: string): boolean {
  return flagged.has(id) || (!t.resources.has(id) && [...flagged].some((h) => h !== undefined && id.startsWith(h)));
}

/** Whether an invalid input is caught: an error on a resource the translator names, or any error when it names none. */
export function caught(input: CorpusInput): boolean {
  if (input.named.length === 0) return input.errors.length > 0;
  const flagged = new Set(input.errors.map((d) => d.resource));
  return input.named.some((id) => flags(flagged, input.template, id));
}

/** The share caught, with the inputs missed and the figure per category (the first word of the name after `error_`). */
export function oracleScore(inputs: readonly CorpusInput[]): { share: number; missed: string[]; byCategory: Map<string, { caught: number; of: number }> } {
  const missed: string[] = [];
  const byCategory = new Map<string, { caught: number; of: number }>();
  for (const input of inputs) {
    const category = input.file.replace(/^error_/, '').replace(/\.yaml$/, '').split('_')[0]!;
    const c = byCategory.get(category) ?? { caught: 0, of: 0 };
    c.of++;
    if (caught(input)) c.caught++;
    else missed.push(input.file);
    byCategory.set(category, c);
  }
  return { share: inputs.length === 0 ? 0 : 1 - missed.length / inputs.length, missed, byCategory };
}

/**
 * Error-level findings on valid corpus inputs that are right, with the reason. Everything else
 * error-level on a non-`error_` input is a false positive.
 */
export const EXPECTED_ERRORS: Readonly<Record<string, { rules: readonly string[]; why: string }>> = {
  'kinesis_intrinsics.yaml': {
    rules: ['events/stream-settings'],
    why: 'the IntValue parameter defaults to 50, outside MaximumRecordAgeInSeconds 60..604800 and ParallelizationFactor 1..10; Lambda refuses the mapping',
  },
  'connector_hardcoded_props.yaml': {
    rules: ['runtime/zip-needs-handler', 'schema/required'],
    why: 'its AWS::Lambda::Function is a stub without Code, Handler, Role or Runtime and its state machine has no RoleArn ("Intentionally not complete"); CloudFormation would refuse them',
  },
  'connector_dependson_replace.yaml': {
    rules: ['runtime/zip-needs-handler', 'schema/required', 'schema/invalid-value'],
    why: 'stub resources (a function without Code, Handler or Runtime, a table without KeySchema) and the made-up type AWS::Foo::Bar; CloudFormation would refuse them',
  },
  'connector_esm_dependson.yaml': {
    rules: ['runtime/zip-needs-handler', 'schema/required'],
    why: 'a function without Code, Handler or Runtime and a table without KeySchema: stubs CloudFormation would refuse',
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
  'function_with_capacity_provider_and_autopublish.yaml': {
    rules: ['limits/memory-size'],
    why: 'the same: a Managed Instances function with MemorySize 512',
  },
  'capacity_provider_global_with_functions.yaml': {
    rules: ['limits/memory-size'],
    why: 'the same: a Managed Instances function with MemorySize 512',
  },
  'function_with_snapstart.yaml': {
    rules: ['limits/incompatible-settings'],
    why: 'SnapStart on python3.9; Lambda offers SnapStart from Python 3.12 and refuses the function',
  },
  'globals_for_function.yaml': {
    rules: ['limits/incompatible-settings'],
    why: 'SnapStart on python2.7 through Globals; Lambda refuses the function',
  },
  'application_preparing_state.yaml': {
    rules: ['sam/application'],
    why: 'ApplicationId "preparing" is a name the translator test answers with a mock; the Serverless Application Repository only finds applications by ARN',
  },
};

/** Rules whose error-level findings on the corpus are right in every file (see {@link NOT_COUNTED}). */
export const ALWAYS_RIGHT: ReadonlySet<string> = NOT_COUNTED;

/** The error-level findings on valid inputs that are not listed as right: false positives. */
export function falseErrors(inputs: readonly CorpusInput[]): string[] {
  const wrong: string[] = [];
  for (const input of inputs) {
    const allowed = EXPECTED_ERRORS[input.file]?.rules ?? [];
    for (const d of input.errors) if (!allowed.includes(d.rule) && !ALWAYS_RIGHT.has(d.rule)) wrong.push(`${input.file}: ${d.rule}: ${d.message}`);
  }
  return wrong;
}
