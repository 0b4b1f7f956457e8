/**
 * What the package-size measurement reports. Plain data, shared by the language server (rule and
 * CodeLens), the CLI and the client's breakdown view; nothing here depends on LSP or VS Code.
 */

/** A file or folder inside a code location, with its unzipped size. Paths are relative, `/`-separated. */
export interface SizeEntry {
  readonly path: string;
  readonly bytes: number;
}

/** Something inside a code location that was not counted, and why. */
export interface Skipped {
  readonly path: string;
  readonly reason: string;
}

/**
 * How a package's figure was obtained, i.e. what it predicts:
 * - `sam-build`: the `.aws-sam/build/<LogicalId>` output, newer than the source;
 * - `esbuild`: the function bundled in memory with the project's esbuild and `sam build`'s options;
 * - `npm-production`: the source without `node_modules`, plus the production dependency closure;
 * - `cdk-asset`: the asset folder or archive a CDK cloud assembly names;
 * - `folder`: the code folder as it is; `zip`: a .zip archive as it is.
 */
export type Basis = 'sam-build' | 'esbuild' | 'npm-production' | 'cdk-asset' | 'folder' | 'zip';

/** An input module of a bundle with the bytes it contributes to the output. */
export interface ModuleShare {
  /** A package name (`lodash`, `@aws-sdk/client-s3`) or a source file relative to the code folder. */
  readonly name: string;
  readonly bytes: number;
  /** Absolute path of the module's file (the package's entry for a package), for "reveal". */
  readonly file: string;
  /** For a package: the first file outside it that imports it, relative to the code folder. */
  readonly importedBy?: string;
}

/** Sizes of one local code location: a folder, a .zip measured as is, or a bundle built in memory. */
export interface CodeMeasurement {
  readonly kind: 'folder' | 'zip' | 'bundle';
  /** Absolute path of the folder or archive (for a bundle: the code folder it was built from). */
  readonly path: string;
  readonly files: number;
  readonly unzippedBytes: number;
  /** What a deflate zip of the files weighs; for a .zip: the archive's size. */
  readonly zippedBytes: number;
  readonly largestFolders: readonly SizeEntry[];
  readonly largestFiles: readonly SizeEntry[];
  /**
   * Entries not counted: unreadable files, special files, links out of the code folder, folders
   * reached a second time. At most `MEASURE_LIMITS.maxListedSkipped` are listed; `skippedCount` has them all.
   */
  readonly skipped: readonly Skipped[];
  readonly skippedCount: number;
}

/** Where a function's or a layer's code comes from, as the template says it. */
export type CodeRef =
  | { readonly kind: 'path'; readonly path: string; readonly build: BuildSpec }
  | { readonly kind: 'image' }
  | { readonly kind: 's3'; readonly location: string }
  | { readonly kind: 'inline' }
  | { readonly kind: 'unknown'; readonly why: string };

/** esbuild options as `sam build` passes them from `Metadata.BuildProperties` (SAM names, not yet defaulted). */
export interface EsbuildProperties {
  readonly entryPoints: readonly string[];
  readonly minify?: boolean;
  readonly target?: string;
  readonly format?: string;
  readonly sourcemap?: boolean;
  readonly external?: readonly string[];
  readonly loader?: readonly string[];
  readonly mainFields?: string;
  readonly banner?: string;
  readonly footer?: string;
  readonly outExtension?: readonly string[];
}

/** How the code at a path becomes the deployed package, from the template's metadata and runtime. */
export type BuildSpec =
  | { readonly kind: 'esbuild'; readonly properties: EsbuildProperties }
  /** A Node.js function built by `sam build`'s npm workflow: source plus production dependencies. */
  | { readonly kind: 'npm' }
  | { readonly kind: 'cdk-asset'; readonly bundled: boolean }
  /** Copied as it is; `runtime` tells which dependency manifests would add to it at build time. */
  | { readonly kind: 'as-is'; readonly runtime?: string; readonly buildMethod?: string };

/** A layer of a function: defined in the same template (measured) or external (named only). */
export type LayerRef =
  | { readonly kind: 'template'; readonly id: string; readonly code: CodeRef }
  | { readonly kind: 'external'; readonly name: string };

/** Everything the measurement needs to know about one function; the CLI and server build it from a template. */
export interface FunctionCodeSpec {
  readonly id: string;
  readonly code: CodeRef;
  readonly layers: readonly LayerRef[];
}

/** A measured code location: what was measured and how far it predicts the deployed package. */
export interface LocatedMeasurement extends CodeMeasurement {
  readonly basis: Basis;
  /** What the figure leaves out or how it was made (dependencies not counted, bundled by CDK, ...). */
  readonly note?: string;
  /** True when the figure leaves out what the build adds (dependencies): a lower bound, not the deployed size. */
  readonly partial?: boolean;
  /** For a bundle: the input modules that weigh most in its output, heaviest first. */
  readonly modules?: readonly ModuleShare[];
}

export interface LayerSize {
  readonly id: string;
  /** The layer's content, or why it could not be measured. */
  readonly result: LocatedMeasurement | { readonly problem: string };
}

/** Why a function has no figure. `too-large` gave up on a bound (files, bytes, time). */
export type NotMeasured = 'unmeasurable' | 'missing' | 'too-large';

/** The measurement of one function: its code, its template-defined layers and the layers it only names. */
export type FunctionSize =
  | {
      readonly status: 'measured';
      readonly id: string;
      readonly code: LocatedMeasurement;
      readonly layers: readonly LayerSize[];
      readonly externalLayers: readonly string[];
      readonly layersUnzippedBytes: number;
      /** Function plus template-defined layers: what counts against the 250 MB unzipped quota. */
      readonly totalUnzippedBytes: number;
    }
  | {
      readonly status: NotMeasured;
      readonly id: string;
      readonly reason: string;
      readonly path?: string;
      /** For `too-large`: the unzipped bytes seen before giving up, a lower bound of the package. */
      readonly atLeastBytes?: number;
    };

/** A measured function. */
export type MeasuredSize = Extract<FunctionSize, { status: 'measured' }>;

/** Counters for tests and the benchmark: how much work a measurement really did. */
export interface MeasureStats {
  /** Files whose content was read and compressed. */
  filesRead: number;
  /** Full folder walks (stat of every file). */
  walks: number;
  /** esbuild builds and rebuilds run. */
  bundles: number;
}
