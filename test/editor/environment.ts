/**
 * What the editor tier gives the extension besides the workspace: user settings and the environment
 * of code-server, which its extension host inherits.
 */

export interface SuiteEnvironment {
  readonly settings: Record<string, unknown>;
  readonly variables: Record<string, string>;
  /** Stops whatever the environment started. */
  close(): Promise<void>;
}

export async function suiteEnvironment(_runDir: string): Promise<SuiteEnvironment> {
  return { settings: {}, variables: {}, close: async () => undefined };
}
