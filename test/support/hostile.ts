/**
 * Hostile documents found by fuzzing the server and the CLI, rebuilt from their descriptions: each
 * once froze, aborted or exhausted the process. The robustness tests and the benchmark use them.
 */
import { functionsTemplate } from '../../server/src/template/sample';
import { yamlToJson } from './jsonText';

export interface HostileCase {
  readonly name: string;
  readonly file: string;
  readonly text: string;
}

/** A template whose function property holds arrays nested `depth` levels deep (JSON). */
export function deepJson(depth: number): string {
  return `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Fn": {"Type": "AWS::Lambda::Function", "Properties": {"Handler": "index.handler", "Runtime": "nodejs22.x", "Tags": ${'['.repeat(depth)}${']'.repeat(depth)}}}}}\n`;
}

/**
 * A proxy role whose policy allows a glob of many stars on a secret with a 60-character name, and
 * an action of only stars: a backtracking matcher takes minutes on either.
 */
export function starGlobs(stars = 12): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  DbSecret:
    Type: AWS::SecretsManager::Secret
    Properties: { Name: ${'a'.repeat(60)} }
  ProxyRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: rds.amazonaws.com }, Action: sts:AssumeRole }]
      Policies:
        - PolicyName: secret
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: "${'*'.repeat(stars)}Z"
                Resource: "arn:aws:secretsmanager:*:*:secret:${'a*'.repeat(stars)}b"
  Proxy:
    Type: AWS::RDS::DBProxy
    Properties:
      EngineFamily: POSTGRESQL
      RoleArn: !GetAtt ProxyRole.Arn
      Auth: [{ AuthScheme: SECRETS, SecretArn: !Ref DbSecret, IAMAuth: REQUIRED }]
`;
}

/** `count` aliases of one anchored value in a template. */
export function manyAliases(count: number): string {
  return `AWSTemplateFormatVersion: '2010-09-09'\nMetadata:\n  Base: &v hello\n  Copies:\n${'    - *v\n'.repeat(count)}Resources:\n  Q:\n    Type: AWS::SQS::Queue\n`;
}

/** A JSON template of about `bytes` characters (generated functions, intrinsics in long form). */
export function largeJsonTemplate(bytes: number): string {
  let count = Math.max(10, Math.floor(bytes / 1000));
  for (;;) {
    const text = yamlToJson(functionsTemplate(count), 1);
    if (text.length >= bytes) return text;
    count = Math.ceil((count * bytes) / text.length) + 1;
  }
}

/** A package-lock.json-like document of about `bytes` characters: JSON that is no template. */
export function packageLock(bytes: number): string {
  const entries: string[] = [];
  for (let i = 0; entries.length * 200 < bytes; i++) {
    entries.push(`    "node_modules/pkg-${i}": {\n      "version": "1.0.${i}",\n      "resolved": "https://registry.example/pkg-${i}/-/pkg-${i}-1.0.${i}.tgz",\n      "integrity": "sha512-${'x'.repeat(40)}"\n    }`);
  }
  return `{\n  "name": "app",\n  "lockfileVersion": 3,\n  "packages": {\n${entries.join(',\n')}\n  }\n}\n`;
}

/** Plain YAML (a CI file) with `count` aliases: no template, so no diagnostic, however heavy. */
export function aliasHeavyYaml(count: number): string {
  return `defaults: &defaults\n  image: node:20\n  retries: 2\njobs:\n${Array.from({ length: count }, (_, i) => `  job${i}:\n    <<: *defaults\n    script: [npm test]\n`).join('')}`;
}

/** The hostile templates: each must answer quickly with at most a clear diagnostic. */
export function hostileTemplates(): HostileCase[] {
  return [
    { name: 'JSON nested 3,000 levels deep', file: 'deep.json', text: deepJson(3_000) },
    { name: 'JSON nested 100,000 levels deep', file: 'deeper.json', text: deepJson(100_000) },
    { name: 'globs of many stars on a long secret name', file: 'stars.yaml', text: starGlobs(16) },
    { name: '20,000 aliases of one value', file: 'aliases.yaml', text: manyAliases(20_000) },
  ];
}
