/**
 * What is deployed for a template, as plain JSON-safe data: the CLI reads it directly, the editor's
 * client loads it (it holds the credentials) and sends it to the language server, which compares it
 * with the open template. Nothing here is an SDK shape.
 */

/** The configuration of a deployed function that a template can describe. */
export interface DeployedConfig {
  arn: string;
  packageType: string;
  runtime: string | undefined;
  handler: string | undefined;
  memorySize: number;
  timeout: number;
  architectures: string[];
  ephemeralStorage: number;
  /** Layer version ARNs, in order. */
  layers: string[];
  /** Names and values: values are compared, and shown only when they do not look like credentials. */
  environment: Record<string, string>;
  subnetIds: string[];
  securityGroupIds: string[];
  /** Reserved concurrency; undefined when none is reserved. */
  reservedConcurrency: number | undefined;
  /** ISO time of the last change to code or configuration. */
  lastModified: string | undefined;
}

/** A function of a stack: its deployed name, and its configuration (undefined when it was deleted). */
export interface DeployedFunction {
  logicalId: string;
  /** The physical name, `orders-dev-OrdersApi-1X2Y3Z`. */
  name: string;
  config: DeployedConfig | undefined;
  /** Why its configuration could not be read (access denied, throttled), when it could not. */
  error?: string;
}

/** One stack as deployed, with its nested stacks. */
export interface DeployedStack {
  name: string;
  /** The stack ARN. */
  id: string;
  region: string;
  account: string;
  parameters: Record<string, string>;
  /** When the last stack operation completed (epoch ms); undefined when the stack's events do not say. */
  completedAt: number | undefined;
  /** Logical id -> physical id and type, for every resource. */
  resources: Record<string, { physicalId: string; type: string }>;
  functions: Record<string, DeployedFunction>;
  /** Nested stacks by their logical id in this stack. */
  nested: Record<string, DeployedStack>;
  /** Nested stacks that could not be read, by logical id: why. */
  nestedErrors: Record<string, string>;
}

/** Which stack a template was deployed as, and how that was found. */
export interface StackTarget {
  stack: string;
  region: string | undefined;
  /** An AWS profile the configuration names (samconfig `profile`). */
  profile?: string | undefined;
  /** Where the stack name came from: `samconfig.toml`, a setting, `cdk.out`, `--stack`. */
  source: string;
  /**
   * Logical ids of nested stacks from the named stack down to the template's own, when the template
   * is a nested one (`Location: ./orders/template.yaml` of an AWS::Serverless::Application).
   */
  nestedPath: string[];
}
