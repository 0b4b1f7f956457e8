/** Measures every function of one template file: what the CLI and `check` need, in one call. */
import { dirname } from 'node:path';
import type { Template } from '../template/model';
import { locateFunctions } from './locate';
import type { Boundary, PackageSizeService } from './service';
import type { FunctionSize } from './types';

/** Measurements of all functions of a template on disk, in document order; code outside `boundary` is refused. */
export async function measureTemplate(service: PackageSizeService, templatePath: string, template: Template, boundary: Boundary): Promise<FunctionSize[]> {
  const out: FunctionSize[] = [];
  for (const lf of locateFunctions(template)) out.push(await service.measureFunction(dirname(templatePath), lf.spec, { boundary }));
  return out;
}
