/**
 * Every custom message between the Lambda Lens client and server, each with who sends it, as a
 * typed `NotificationType` / `RequestType` both sides send and handle (so a changed shape fails to
 * compile on both). The types come from vscode-languageserver-protocol, which both sides bundle.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { DeployedStack, StackTarget } from './deployed/types';
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

/**
 * Server -> client: the stack each open template was deployed as (from samconfig, cdk.out or the
 * `lambdaLens.deployed.stacks` setting), with its functions' positions. The client, which holds the
 * credentials, loads those stacks and answers with `DeployedStacks`. Each notification replaces the
 * previous set; templates without a known stack are left out.
 */
export namespace DeployedTargets {
  export const method = 'lambdaLens/deployedTargets';
  export interface Template {
    readonly uri: string;
    /** Identifies the stack to load: `<region or empty>/<stack>`; the same key answers it. */
    readonly key: string;
    readonly target: StackTarget;
    /** The template's functions, where their logical ids are written (0-based). */
    readonly functions: ReadonlyArray<{ readonly logicalId: string; readonly line: number; readonly character: number }>;
  }
  export interface Params {
    readonly templates: Template[];
  }
  export const type = new NotificationType<Params>(method);
}

/**
 * Client -> server: what is deployed for the stacks of `DeployedTargets`, by key: the stack (its
 * nested stacks included) or why it could not be loaded. Sent after each load; each notification
 * replaces the previous set. Nothing is sent while no AWS credentials are configured.
 */
export namespace DeployedStacks {
  export const method = 'lambdaLens/deployedStacks';
  export interface Entry {
    readonly key: string;
    /** The region the stack was read in (the target's, or the profile's default). */
    readonly region: string;
    readonly stack?: DeployedStack;
    /** What went wrong, what to do; set instead of `stack`. */
    readonly error?: string;
  }
  export interface Params {
    readonly stacks: Entry[];
  }
  export const type = new NotificationType<Params>(method);
}

/** Client -> server: look for the stacks of the open templates again (samconfig or settings changed). */
export namespace DeployedRefresh {
  export const method = 'lambdaLens/deployedRefresh';
  export const type = new NotificationType<void>(method);
}

/**
 * Client -> server: the user trusted the workspace (it started in the editor's Restricted Mode, as the
 * `trusted: false` of `InitializationOptions` said), so project code may now run to measure packages.
 */
export namespace WorkspaceTrusted {
  export const method = 'lambdaLens/workspaceTrusted';
  export const type = new NotificationType<void>(method);
}

/** What the client sends in `initialize`: the settings, and whether the workspace is trusted (absent: trusted). */
export interface InitializationOptions {
  readonly settings?: unknown;
  readonly trusted?: boolean;
}

/** The client command of the "▷ Invoke <deployed name>" CodeLens: invokes the deployed function. */
export const INVOKE_DEPLOYED_COMMAND = 'lambdaLens.invokeDeployed';
/** The client command of the "Compare with deployed" CodeLens: the deployed configuration beside the template. */
export const COMPARE_DEPLOYED_COMMAND = 'lambdaLens.compareWithDeployed';

/** Arguments of the deployed-function commands: which function, and the event its trigger sends. */
export interface DeployedFunctionArgs {
  readonly region: string;
  readonly functionName: string;
  readonly logicalId: string;
  readonly uri: string;
  /** The catalogue event matching the function's first trigger, when it has one. */
  readonly eventId?: string;
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
