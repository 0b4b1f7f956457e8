/**
 * Amazon Resource Names, read in one place for the server, the CLI and the client:
 * `arn:partition:service:region:account-id:resource`, where the resource part may itself hold colons
 * and slashes (`function:orders:live`, `table/orders/stream/2024-05-01T10:00:00.000`).
 * Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */

/** The parts of an ARN. Region and account are empty for global resources (`arn:aws:s3:::bucket`). */
export interface Arn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  /** Everything after the account: `function:orders:live`, `table/orders`, `my-bucket/key`. */
  readonly resource: string;
}

/** The parts of `text`, or undefined when it is not an ARN (fewer than six parts, no partition or service). */
export function parseArn(text: string): Arn | undefined {
  if (!text.startsWith('arn:')) return undefined;
  const parts = text.split(':');
  if (parts.length < 6) return undefined;
  const [, partition, service, region, account] = parts as [string, string, string, string, string];
  if (partition === '' || service === '') return undefined;
  return { partition, service, region, account, resource: parts.slice(5).join(':') };
}

/** True when `text` is written as an ARN. */
export function isArn(text: string): boolean {
  return parseArn(text) !== undefined;
}

/** True for a 12-digit AWS account id. */
export function isAccountId(text: string): boolean {
  return /^\d{12}$/.test(text);
}

/**
 * The name an ARN gives its resource: the id after a `type/` or `type:` prefix (`orders` for
 * `table/orders/stream/...`, `function:orders:live` and `broker:orders:b-1`), the whole resource when
 * it has no type (SQS queues, SNS topics), and the bucket of an S3 ARN. Undefined when `text` is not an ARN.
 */
export function arnResourceName(text: string): string | undefined {
  const arn = parseArn(text);
  if (!arn) return undefined;
  const r = arn.resource;
  if (arn.service === 's3') return r.split('/')[0]!;
  const slash = r.indexOf('/');
  const colon = r.indexOf(':');
  const at = slash === -1 ? colon : colon === -1 ? slash : Math.min(slash, colon);
  if (at === -1) return r;
  return r.slice(at + 1).split(r[at]!)[0]!;
}

/** How a function ARN is qualified: not at all, `$LATEST`, a published version number, or an alias. */
export type FunctionQualifier = 'none' | 'latest' | 'version' | 'alias';

/** The kind of a qualifier written after a function name (`3`, `$LATEST`, `live`). */
export function qualifierKind(qualifier: string | undefined): FunctionQualifier {
  if (qualifier === undefined) return 'none';
  if (qualifier === '$LATEST') return 'latest';
  return /^\d+$/.test(qualifier) ? 'version' : 'alias';
}

/** A Lambda function ARN: `arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]`. */
export interface FunctionArn {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  readonly name: string;
  readonly qualifier: string | undefined;
}

/** The function ARN `text` names, or undefined when it names something else. */
export function parseFunctionArn(text: string): FunctionArn | undefined {
  const arn = parseArn(text);
  if (arn?.service !== 'lambda') return undefined;
  const [kind, name, qualifier, ...rest] = arn.resource.split(':');
  if (kind !== 'function' || !name || qualifier === '' || rest.length > 0) return undefined;
  return { partition: arn.partition, region: arn.region, account: arn.account, name, qualifier };
}

/** `name:version` of a layer version ARN (`arn:aws:lambda:<region>:<account>:layer:<name>:<version>`); other text as it is. */
export function layerVersionLabel(text: string): string {
  const arn = parseArn(text);
  const [kind, name, version] = arn?.service === 'lambda' ? arn.resource.split(':') : [];
  return kind === 'layer' && name && version ? `${name}:${version}` : text;
}

/**
 * The name of an AWS managed policy from its ARN (`arn:aws:iam::aws:policy/service-role/X` -> `X`).
 * Customer managed policies (another account than `aws`) give undefined.
 */
export function awsManagedPolicyName(text: string): string | undefined {
  const arn = parseArn(text);
  if (arn?.service !== 'iam' || arn.account !== 'aws' || !arn.resource.startsWith('policy/')) return undefined;
  return arn.resource.split('/').pop() || undefined;
}
