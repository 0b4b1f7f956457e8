/**
 * esbuild functions: the time to measure a typical TypeScript function (40 source modules, six
 * production packages, the AWS SDK external, a 2 MB devDependency it never imports) by bundling it in
 * memory with the project's esbuild, and the time to measure it again after one source edit.
 * Targets: first bundle <= 300 ms (esbuild's service already started, as after the first function of a
 * session); warm re-measure after one edit <= 100 ms.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PackageSizeService } from '../server/src/measure/service';
import type { FunctionCodeSpec } from '../server/src/measure/types';
import { esbuildProject, installPackage, write } from '../test/server/measure/projects';
import { median } from './stats';

const MODULES = 40;
const PACKAGES = 6;

/** Writes the function: a handler importing a chain of modules, each using a package or two. */
function typicalFunction(root: string): string {
  esbuildProject(root);
  for (let p = 0; p < PACKAGES; p++) installPackage(root, `node_modules/pkg-${p}`, `pkg-${p}`, 10_000 + p * 6_000, 100 + p);
  for (let i = 0; i < MODULES; i++) {
    const next = i + 1 < MODULES ? `import { step${i + 1} } from './m${i + 1}';\n` : '';
    const pkg = `import * as p${i} from 'pkg-${i % PACKAGES}';\n`;
    const body = Array.from({ length: 40 }, (_, k) => `  const v${k}: number = input * ${k} + ${i};\n  if (v${k} > ${k * 1000}) out.push(String(v${k}));`).join('\n');
    write(root, `src/m${i}.ts`, `${next}${pkg}export function step${i}(input: number): string[] {\n  const out: string[] = [String(Object.keys(p${i}).length)];\n${body}\n${next ? `  out.push(...step${i + 1}(input + 1));\n` : ''}  return out;\n}\n`);
  }
  write(root, 'src/handler.ts', "import { S3Client } from '@aws-sdk/client-s3';\nimport { step0 } from './m0';\nexport const handler = async (e: { n: number }) => ({ body: step0(e.n).join(','), c: String(new S3Client({})) });\n");
  return join(root, 'src/m20.ts');
}

const round = (n: number) => Math.round(n * 10) / 10;

export async function benchBundle(): Promise<Record<string, unknown>> {
  const base = mkdtempSync(join(tmpdir(), 'lambda-lens-bench-bundle-'));
  try {
    const code = join(base, 'fn');
    const edited = typicalFunction(code);
    const spec: FunctionCodeSpec = { id: 'Fn', code: { kind: 'path', path: 'fn', build: { kind: 'esbuild', properties: { entryPoints: ['src/handler.ts'], external: ['@aws-sdk/*'] } } }, layers: [] };
    const warmUp = join(base, 'warm');
    esbuildProject(warmUp);
    const warmSpec: FunctionCodeSpec = { id: 'W', code: { kind: 'path', path: 'warm', build: { kind: 'esbuild', properties: { entryPoints: ['src/other.js'] } } }, layers: [] };

    const firstRuns: number[] = [];
    const coldRuns: number[] = [];
    let bundleBytes = 0;
    for (let i = 0; i < 5; i++) {
      // Cold: a fresh service, esbuild loaded and its service process started by this measure.
      const cold = new PackageSizeService();
      let t = performance.now();
      await cold.measureFunction(base, spec);
      coldRuns.push(performance.now() - t);
      cold.dispose();
      // First bundle of the function in a session whose esbuild already runs (another function was measured).
      const service = new PackageSizeService();
      await service.measureFunction(base, warmSpec);
      t = performance.now();
      const r = await service.measureFunction(base, spec);
      firstRuns.push(performance.now() - t);
      if (r.status !== 'measured') throw new Error(`not measured: ${r.reason}`);
      bundleBytes = r.code.unzippedBytes;
      service.dispose();
    }

    const service = new PackageSizeService();
    await service.measureFunction(base, spec);
    const unchanged: number[] = [];
    const afterEdit: number[] = [];
    for (let i = 0; i < 10; i++) {
      let t = performance.now();
      await service.measureFunction(base, spec);
      unchanged.push(performance.now() - t);
      writeFileSync(edited, `export function step20(input: number): string[] {\n  return [String(input * ${i + 2})];\n}\n`);
      t = performance.now();
      service.invalidate([edited]);
      const r = await service.measureFunction(base, spec);
      afterEdit.push(performance.now() - t);
      if (r.status !== 'measured') throw new Error(`not measured: ${r.reason}`);
    }
    const bundles = service.stats.bundles;
    service.dispose();
    return {
      loadAverage: loadavg().map((l) => Math.round(l * 10) / 10),
      function: { modules: MODULES + 1, packages: PACKAGES + 1, bundleBytes },
      coldWithEsbuildStartMs: round(median(coldRuns)),
      firstBundleMs: round(median(firstRuns)),
      warmUnchangedMs: round(median(unchanged)),
      warmAfterOneEditMs: round(median(afterEdit)),
      // One per edit plus the first: nothing rebundled when nothing changed.
      bundlesRun: bundles,
      targets: { firstBundleMs: 300, warmAfterOneEditMs: 100 },
    };
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}
