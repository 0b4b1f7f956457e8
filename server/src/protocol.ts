/**
 * Every custom message between the Lambda Lens client and server, each with who sends it, as a
 * typed `NotificationType` / `RequestType` both sides send and handle (so a changed shape fails to
 * compile on both). The types come from vscode-languageserver-protocol, which both sides bundle.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { EventContext } from './events/context';
import type { MeasuredSize } from './measure/types';

/**
 * Server -> client: the folders and files the measured packages of open templates consist of (code
 * folders, .zip archives, layers, the node_modules a bundle reads, sam build output). The client
 * watches them (a folder with everything below it) and answers with `CodeFilesChanged`. Sent whenever
 * the set changes; each notification replaces the previous set, so closed templates stop being watched.
 */
export namespace WatchCodeFolders {
  export const method = 'lambdaLens/watchCodeFolders';
  export interface Params {
    /** Absolute file-system paths of folders or files. */
    readonly folders: string[];
  }
  export const type = new NotificationType<Params>(method);
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
  export const type = new NotificationType<Params>(method);
}

/**
 * Client -> server: the sample-event context of a deployed function (parameter values and event
 * types its template wires it to), found by the server in its own model of the workspace's
 * templates: open documents first, then template files on disk. Region and account only when no
 * template defines the function.
 */
export namespace EventContextRequest {
  export const method = 'lambdaLens/eventContext';
  export interface Params {
    /** The deployed name (`orders-dev-OrdersApi-1X2Y3Z`), a logical id or a `FunctionName`. */
    readonly functionName: string;
    readonly region: string;
    readonly account: string;
  }
  export interface Result extends EventContext {
    /** The URI of the template that defines the function, when one does. */
    readonly template?: string;
  }
  export const type = new RequestType<Params, Result, void>(method);
}

/** The client command a bundle-size CodeLens runs: shows the breakdown of one function's package. */
export const SHOW_BUNDLE_SIZE_COMMAND = 'lambdaLens.showBundleSize';

/** Arguments of `SHOW_BUNDLE_SIZE_COMMAND`: ids only; the client fetches the breakdown with `BundleSizeBreakdown`. */
export interface BundleSizeArgs {
  readonly functionId: string;
  /** The template the function is in. */
  readonly uri: string;
}

/**
 * Client -> server: the full measurement of one function (largest folders and files, heaviest
 * modules, layers, what was not counted), for the breakdown a bundle-size CodeLens opens. Null when
 * the template is not open or the function is not measured (any more).
 */
export namespace BundleSizeBreakdown {
  export const method = 'lambdaLens/bundleSizeBreakdown';
  export type Params = BundleSizeArgs;
  export type Result = MeasuredSize | null;
  export const type = new RequestType<Params, Result, void>(method);
}
