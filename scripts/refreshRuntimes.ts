/**
 * Refreshes server/src/data/lambda-runtime-lifecycle.json from its source, cfn-lint's Lambda runtime
 * lifecycle data (deprecation, create-block and update-block dates and successors, MIT-0), and
 * records the day it was taken. `npm run refresh:runtimes` fetches the source URL recorded in the
 * file; `-- --from <file-or-url>` reads another copy (a cfn-lint checkout, a mirror). A source that
 * cannot be read, or that does not look like runtime lifecycle data, leaves the file unchanged and
 * exits 1 with the reason.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LIFECYCLE_FILE = join(__dirname, '..', 'server', 'src', 'data', 'lambda-runtime-lifecycle.json');

type Row = { deprecated: string | null; 'create-block': string | null; 'update-block': string | null; successor: string | null };

export interface LifecycleData {
  readonly source: string;
  readonly retrieved: string;
  readonly runtimes: Readonly<Record<string, Row>>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The runtimes of a downloaded copy, checked row by row; throws naming the first bad entry. */
export function parseLifecycle(text: string, from: string): Record<string, Row> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${from} is not JSON (${(e as Error).message}).`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error(`${from} is not a JSON object of runtimes.`);
  const rows = data as Record<string, unknown>;
  for (const [id, row] of Object.entries(rows)) {
    const r = row as Partial<Record<keyof Row, unknown>> | null;
    for (const key of ['deprecated', 'create-block', 'update-block'] as const) {
      const v = r?.[key];
      if (v !== null && (typeof v !== 'string' || !DATE.test(v))) throw new Error(`${from}: runtime ${id} has no ${key} date (yyyy-mm-dd or null).`);
    }
    if (r?.successor !== null && typeof r?.successor !== 'string') throw new Error(`${from}: runtime ${id} has no successor (a runtime id or null).`);
  }
  if (Object.keys(rows).length < 10) throw new Error(`${from} lists ${Object.keys(rows).length} runtimes; that is not Lambda's runtime list.`);
  return rows as Record<string, Row>;
}

async function read(from: string): Promise<string> {
  if (!/^https?:\/\//.test(from)) return readFileSync(from, 'utf8');
  let response: Response;
  try {
    response = await fetch(from, { signal: AbortSignal.timeout(20_000) });
  } catch (e) {
    const cause = (e as { cause?: { message?: string } }).cause?.message ?? (e as Error).message;
    throw new Error(`Could not reach ${from} (${cause}). This machine may have no access to it: download the file elsewhere and run npm run refresh:runtimes -- --from <file>.`);
  }
  if (!response.ok) throw new Error(`${from} answered HTTP ${response.status}; the data may have moved. Find LmbdRuntimeLifecycle.json in cfn-lint and pass it with --from.`);
  return response.text();
}

/** Reads the source, checks it and writes the data file with today's date. */
export async function refresh(from: string, out: string, today: Date): Promise<LifecycleData> {
  const current = JSON.parse(readFileSync(out, 'utf8')) as LifecycleData;
  const runtimes = parseLifecycle(await read(from), from);
  const data: LifecycleData = { source: current.source, retrieved: today.toISOString().slice(0, 10), runtimes };
  writeFileSync(out, `${JSON.stringify(data, null, 1)}\n`);
  return data;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--from');
  const current = JSON.parse(readFileSync(LIFECYCLE_FILE, 'utf8')) as LifecycleData;
  const from = at >= 0 ? args[at + 1] : current.source;
  if (!from) {
    process.stderr.write('--from needs a file or URL.\n');
    process.exit(2);
  }
  refresh(from, LIFECYCLE_FILE, new Date()).then(
    (d) => process.stdout.write(`wrote ${Object.keys(d.runtimes).length} runtimes from ${from}, retrieved ${d.retrieved}\n`),
    (e: Error) => {
      process.stderr.write(`${e.message}\nThe runtime data was left unchanged.\n`);
      process.exit(1);
    },
  );
}
