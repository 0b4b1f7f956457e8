/**
 * What the package-size measurement reports. Plain data, shared by the language server (rule and
 * CodeLens), the CLI and the client's breakdown view; nothing here depends on LSP or VS Code.
 */

/** A file or folder inside a code location, with its unzipped size. Paths are relative, `/`-separated. */
export interface SizeEntry {
  readonly path: string;
  readonly bytes: number;
}

/** Something that could not be measured inside a code location, and why. */
export interface Skipped {
  readonly path: string;
  readonly reason: string;
}

/** Sizes of one local code location: a folder, or a .zip measured as is. */
export interface CodeMeasurement {
  readonly kind: 'folder' | 'zip';
  /** Absolute path of the folder or archive. */
  readonly path: string;
  readonly files: number;
  readonly unzippedBytes: number;
  /** For a folder: what a deflate zip of its files weighs; for a .zip: the archive's size. */
  readonly zippedBytes: number;
  readonly largestFolders: readonly SizeEntry[];
  readonly largestFiles: readonly SizeEntry[];
  /** Files that could not be read (dangling links, special files, permission errors): not counted. */
  readonly unreadable: readonly Skipped[];
  /** Symbolic links to folders already measured (loops, or a second link to the same folder): followed once. */
  readonly loops: readonly string[];
}

/** Where a function's or a layer's code comes from, as the template says it. */
export type CodeRef =
  | { readonly kind: 'path'; readonly path: string }
  | { readonly kind: 'image' }
  | { readonly kind: 's3'; readonly location: string }
  | { readonly kind: 'inline' }
  | { readonly kind: 'unknown'; readonly why: string };

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

/** A measured code location and how it was chosen. */
export interface LocatedMeasurement extends CodeMeasurement {
  /** `build` when `.aws-sam/build/<LogicalId>` was newer than the source and measured instead. */
  readonly source: 'template' | 'build';
}

export interface LayerSize {
  readonly id: string;
  /** The layer's content, or why it could not be measured. */
  readonly result: LocatedMeasurement | { readonly problem: string };
}

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
  /** Not measurable locally (image, S3, inline code, unresolved path) or the path does not exist. */
  | { readonly status: 'unmeasurable' | 'missing'; readonly id: string; readonly reason: string; readonly path?: string };

/** Counters for tests and the benchmark: how much work a measurement really did. */
export interface MeasureStats {
  /** Files whose content was read and compressed. */
  filesRead: number;
  /** Full folder walks (stat of every file). */
  walks: number;
}
