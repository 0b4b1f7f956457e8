/**
 * The rule contract. A rule is metadata plus a pure check over the template model that reports
 * findings with ranges; severity levels from settings, disable comments and resource Metadata are
 * applied afterwards, in one place (engine.ts). Fixes are data: text edits against ranges.
 */
import type { Range } from '../template/ast';
import type { Template } from '../template/model';
import type { FunctionSize } from '../measure/types';
import type { DeployedStack } from '../deployed/types';

export type Severity = 'error' | 'warning' | 'information';
export type RuleLevel = Severity | 'off';

export interface RuleDocs {
  /** A template fragment that breaks the rule. */
  readonly bad: string;
  /** The same fragment, fixed. */
  readonly good: string;
  /** The AWS documentation the rule's numbers or condition come from. */
  readonly url: string;
  /** Further sources of the rule's condition (other AWS pages, the SAM translator), listed in docs/rules.md. */
  readonly references?: readonly string[];
}

export interface RuleMeta {
  /** Stable id `family/name`. */
  readonly id: string;
  /** Default severity; rules with several levels report the others explicitly. */
  readonly severity: Severity;
  /** One sentence: what the rule checks. */
  readonly description: string;
  readonly docs: RuleDocs;
  /** True when the rule offers a quick fix beyond "disable for this line". */
  readonly fixable: boolean;
  /**
   * Ids of broader rules this rule refines. When this rule and one of them report about the same
   * resource at overlapping ranges, the user sees one diagnostic: this rule's, naming the other
   * (see sameCause.ts). Either rule turned off leaves the other reporting as usual.
   */
  readonly narrows?: readonly string[];
  /**
   * What the check reads, so that after an edit only the checks whose inputs changed run again
   * (rules/incremental.ts). A rule without it runs again after every edit. The differential test
   * (test/server/rules/incremental.test.ts) holds every declaration to the full validation.
   */
  readonly reads?: RuleReads;
}

/** Top-level properties of a resource type a check reads (`'*'`: the whole entry, attributes included). */
export type PropertyReads = readonly string[] | '*';

/**
 * What a rule reads. Every check reads the sections outside Resources (Parameters, Mappings,
 * Conditions, Globals, ...): a change there runs every check again.
 *
 * With `each`, the rule checks the resources of those types one at a time: the check of one reads that
 * resource, the resources its entry references or that reference it, and, following references on
 * from those, the resources of the types in `types`. It is then run over a template holding only
 * these (a scope, template/scope.ts) in which the other resources of the `each` types can be looked up
 * but are not iterated, and again only when something in its scope changes.
 *
 * Without `each`, the check reads the whole template, but of its resources only the `types` listed,
 * and of those only the properties listed: it runs again when one of them changes, or when a
 * resource of those types is added or removed.
 */
export interface RuleReads {
  readonly each?: readonly string[] | '*';
  readonly types?: Readonly<Record<string, PropertyReads>>;
  /** The check reads the document itself (its text, line numbers, parse problems): it runs after every edit. */
  readonly document?: boolean;
  /** Validation options the check reads; it runs again when one of them changes. */
  readonly options?: readonly (keyof ValidationOptions)[];
}

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

export interface Related {
  readonly range: Range;
  readonly message: string;
}

export interface Finding {
  readonly range: Range;
  readonly message: string;
  /** Overrides the rule's default severity for multi-level rules. */
  readonly severity?: Severity;
  readonly related?: readonly Related[];
  readonly fixes?: readonly Fix[];
  /** Logical id the finding is about; defaults to the resource containing the range. */
  readonly resource?: string;
  /**
   * The function a Globals value is reported for (the finding then has no `resource`): that
   * function's Metadata ignore drops this report, while other functions' reports of the value stay.
   */
  readonly inheritedBy?: string;
}

/** Package-size measurements, provided by the measurement service when it runs (LSP, CLI). */
export interface PackageSizeSource {
  /** Measurement for a function, or undefined while it is pending. */
  get(functionId: string): FunctionSize | undefined;
}

export interface ValidationOptions {
  /** Account concurrency limit for limits/reserved-concurrency. */
  readonly accountConcurrencyLimit: number;
  /** "Today" for runtime lifecycle checks; injectable for tests. */
  readonly today: Date;
  /** Per-rule level overrides (`lambdaLens.rules`, `--rule`). */
  readonly ruleLevels: Readonly<Record<string, RuleLevel>>;
  /** Report YAML syntax errors (the CLI does; in the editor the YAML extension already does). */
  readonly reportSyntax: boolean;
  /** Absolute path of the template file, when it is on disk (for rules that look at local code). */
  readonly templatePath?: string;
  readonly packageSizes?: PackageSizeSource;
  /** What is deployed for the template, once its stack is known and loaded (deployed/drift). */
  readonly deployed?: { readonly stack: DeployedStack };
}

export interface RuleContext {
  readonly template: Template;
  readonly options: ValidationOptions;
  report(finding: Finding): void;
}

export interface Rule {
  readonly meta: RuleMeta;
  check(ctx: RuleContext): void;
  /**
   * For a rule that reads every resource entry: what lets incremental validation keep its work when an
   * edit changes some entries but nothing its `reads.types` lists. With it, `reads.types` lists only
   * what the check reads of resources through other resources (names, types, what SAM generates from
   * them); what it reads of each entry itself is covered here. Without it, such a rule runs whole again.
   */
  readonly byEntry?: EntryReads;
}

/**
 * How a rule reading every entry is kept across edits (`Rule.byEntry`): either its check is split into
 * one part per resource and a rest, so only the parts of the changed resources run again; or it names
 * what it reads of one entry, so it runs again only when that differs for a changed resource.
 */
export type EntryReads =
  | {
      /** Reports what `check` reports from the entry of resource `id`; `check` is `rest` then every resource's part, in document order. */
      resource(ctx: RuleContext, id: string): void;
      /** Reports what `check` reports from everything but the resources' entries. */
      rest(ctx: RuleContext): void;
    }
  | {
      /** What the check reads of resource `id`'s entry, without positions: equal strings, equal output moved with the text. */
      key(t: Template, id: string): string;
    };

/** A finding after levels and suppressions: what the LSP and CLI show. */
export interface Diagnostic {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly related: readonly Related[];
  readonly fixes: readonly Fix[];
  readonly resource: string | undefined;
  /** Broader rules whose finding of the same cause this diagnostic stands for (RuleMeta.narrows). */
  readonly alsoFrom?: readonly string[];
}
