import { formatBytes } from '../../bytes';
import { basisLabel, LIMIT_TEXT } from '../../measure/format';
import { codeFromGlobals, locateFunctions } from '../../measure/locate';
import type { LocatedFunction } from '../../measure/locate';
import type { FunctionSize, MeasuredSize } from '../../measure/types';
import { LAMBDA_QUOTAS_URL, QUOTAS } from '../../quotas';
import type { Range } from '../../template/ast';
import { eachFunction, fmt } from '../helpers';
import type { Related, Rule, RuleContext, Severity } from '../types';
import { changed, example } from '../docs';

type Measured = MeasuredSize;

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = example(`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Api:
      Type: AWS::Serverless::Function
      Properties:
        Handler: index.handler
        Runtime: nodejs22.x
        CodeUri: dist/   # the bundled output: 2 MB
`);

/**
 * limits/package-size: the local code of a function (with its template-defined layers) measured on
 * disk against Lambda's deployment package quotas. Silent until the measurement is known.
 */
export const packageSize: Rule = {
  meta: {
    id: 'limits/package-size',
    severity: 'error',
    description: `Local function code plus template-defined layers must stay under ${LIMIT_TEXT.unzipped} unzipped; over ${LIMIT_TEXT.zipped} zipped needs an S3 upload; over ${LIMIT_TEXT.console} zipped cannot be edited in the console.`,
    docs: {
      bad: changed(EXAMPLE, ['      CodeUri: dist/   # the bundled output: 2 MB\n', '      CodeUri: src/   # 310 MB with node_modules\n']),
      good: EXAMPLE,
      url: LAMBDA_QUOTAS_URL,
    },
    fixable: false,
    reads: eachFunction(['packageSizes', 'templatePath']),
  },
  check(ctx) {
    const sizes = ctx.options.packageSizes;
    if (!sizes) return;
    for (const lf of locateFunctions(ctx.template)) {
      const size = sizes.get(lf.spec.id);
      if (size?.status === 'measured') checkFunction(ctx, lf, size);
      else if (size?.status === 'too-large') checkTooLarge(ctx, lf, size);
    }
  },
};

function checkFunction(ctx: RuleContext, lf: LocatedFunction, size: Measured): void {
  const inherited = codeFromGlobals(lf);
  const range = reportRange(lf);
  // Every message says what was measured; a partial figure is a lower bound, and reads as one.
  const where = ` (${basisLabel(size.code)}: ${size.code.path})`;
  const is = size.code.partial ? 'is at least' : 'is';
  const external = size.externalLayers.length > 0 ? ` Not counted: external layer${size.externalLayers.length > 1 ? 's' : ''} ${size.externalLayers.join(', ')}.` : '';
  const related = relatedLayers(lf, size);
  if (inherited && lf.codeNode) related.push({ range: lf.codeNode.range, message: `${lf.spec.id} inherits this CodeUri from Globals.` });
  const report = (severity: Severity, message: string) => ctx.report({ range, severity, message: message + external, related, resource: lf.spec.id });

  if (size.totalUnzippedBytes > QUOTAS.unzippedPackageBytes) {
    const layers = size.layersUnzippedBytes > 0 ? ` (code ${formatBytes(size.code.unzippedBytes)} + layers ${formatBytes(size.layersUnzippedBytes)})` : '';
    report('error', `${lf.spec.id} ${is} ${formatBytes(size.totalUnzippedBytes)} unzipped${layers}${where}, above Lambda's ${LIMIT_TEXT.unzipped} (${fmt(QUOTAS.unzippedPackageBytes)} bytes) limit for code and layers. Remove unused dependencies, bundle and minify the code, or deploy it as a container image (up to ${formatBytes(QUOTAS.containerImageBytes)}).`);
  }
  const zipped = size.code.zippedBytes;
  if (zipped > QUOTAS.zippedDirectUploadBytes) {
    report('warning', `${lf.spec.id} ${is} ${formatBytes(zipped)} zipped${where}, above the ${LIMIT_TEXT.zipped} limit for direct upload. Deploy through S3 (sam deploy --resolve-s3, or an S3 bucket in samconfig.toml) or make the package smaller.`);
  } else if (zipped > QUOTAS.consoleEditorBytes) {
    report('information', `${lf.spec.id} ${is} ${formatBytes(zipped)} zipped${where}: the Lambda console's code editor cannot open packages above ${LIMIT_TEXT.console}. Edit the code locally and deploy it.`);
  }
}

/** A Globals CodeUri is shared, but each function's package differs: report at the function. */
function reportRange(lf: LocatedFunction): Range {
  return lf.codeNode && !codeFromGlobals(lf) ? lf.codeNode.range : lf.view.resource.idRange;
}

/** A package too large to measure is reported once what was seen already passes the quota. */
function checkTooLarge(ctx: RuleContext, lf: LocatedFunction, size: Exclude<FunctionSize, MeasuredSize>): void {
  const seen = size.atLeastBytes ?? 0;
  if (seen <= QUOTAS.unzippedPackageBytes) return;
  ctx.report({
    range: reportRange(lf),
    severity: 'error',
    message: `${lf.spec.id} is more than ${formatBytes(seen)} unzipped (measuring stopped there: ${size.reason}), above Lambda's ${LIMIT_TEXT.unzipped} (${fmt(QUOTAS.unzippedPackageBytes)} bytes) limit for code and layers.`,
    resource: lf.spec.id,
  });
}

function relatedLayers(lf: LocatedFunction, size: Measured): Related[] {
  const out: Related[] = [];
  for (const layer of size.layers) {
    const at = lf.layerNodes.get(layer.id);
    if (!at) continue;
    const what = 'problem' in layer.result ? `not measured: ${layer.result.problem}` : `${formatBytes(layer.result.unzippedBytes)} unzipped`;
    out.push({ range: at, message: `Layer ${layer.id}: ${what}.` });
  }
  return out;
}
