/**
 * Every custom message between the Lambda Lens client and server, each with who sends it. Plain
 * method names and parameter shapes, so both sides import this file without pulling in the other's
 * libraries.
 */
import type { FunctionSize } from './measure/types';

/**
 * Server -> client: the folders whose files the measured packages consist of (code folders, layers,
 * sam build output). The client watches them and answers with `CodeFilesChanged`. Sent whenever the
 * set changes; each notification replaces the previous set.
 */
export namespace WatchCodeFolders {
  export const method = 'lambdaLens/watchCodeFolders';
  export interface Params {
    /** Absolute file-system paths. */
    readonly folders: string[];
  }
}

/**
 * Client -> server: files or folders inside watched code folders were created, changed or deleted
 * (batched). The server re-measures the packages that contain them and refreshes code lenses.
 */
export namespace CodeFilesChanged {
  export const method = 'lambdaLens/codeFilesChanged';
  export interface Params {
    /** Absolute file-system paths. */
    readonly paths: string[];
  }
}

/** The client command a bundle-size CodeLens runs: shows the breakdown of one function's package. */
export const SHOW_BUNDLE_SIZE_COMMAND = 'lambdaLens.showBundleSize';

/** Arguments of `SHOW_BUNDLE_SIZE_COMMAND`: plain data, rendered by the client. */
export interface BundleSizeArgs {
  readonly functionId: string;
  /** The template the function is in. */
  readonly uri: string;
  readonly size: FunctionSize & { readonly status: 'measured' };
}
