/**
 * Answers `EventContextRequest`: the sample-event context of a deployed function, from the first
 * template of the workspace that defines it. Open documents come first (their model is the one the
 * editor already holds, unsaved edits included), then template-named files on disk under the
 * workspace folders. The client never parses templates itself.
 */
import { promises as fs } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findCandidates, isTemplateFileName } from '../cli/files';
import { eventContext, findFunction } from '../events/context';
import { buildTemplate, type Template } from '../template/model';
import type { EventContextRequest } from '../protocol';

/** Files on disk read at most per request, and the largest one read. */
const MAX_DISK_TEMPLATES = 30;
const MAX_DISK_BYTES = 4 * 1024 * 1024;

/** A template the server can read: an open document's model, or a file read on demand. */
export interface TemplateSource {
  readonly uri: string;
  model(): Promise<Template | undefined>;
}

/** Template files under the workspace folders, as sources (skipping dependency and build folders). */
export async function diskTemplates(folders: readonly string[], skip: ReadonlySet<string>): Promise<TemplateSource[]> {
  const out: TemplateSource[] = [];
  for (const folder of folders) {
    const files = await findCandidates(folder, ['.']).catch(() => [] as string[]);
    for (const file of files.filter((f) => isTemplateFileName(basename(f)))) {
      const uri = pathToFileURL(file).toString();
      if (skip.has(uri)) continue;
      out.push({
        uri,
        model: async () => {
          const st = await fs.stat(file).catch(() => undefined);
          if (!st?.isFile() || st.size > MAX_DISK_BYTES) return undefined;
          return buildTemplate(await fs.readFile(file, 'utf8'));
        },
      });
      if (out.length >= MAX_DISK_TEMPLATES) return out;
    }
  }
  return out;
}

/** The context of the function from the first source that defines it; region and account only otherwise. */
export async function findEventContext(p: EventContextRequest.Params, sources: Iterable<TemplateSource>): Promise<EventContextRequest.Result> {
  const opts = { region: p.region, account: p.account };
  for (const s of sources) {
    const t = await s.model().catch(() => undefined);
    if (!t?.isTemplate) continue;
    const fn = findFunction(t, p.functionName);
    if (fn) return { ...eventContext(t, fn.id, opts), template: s.uri };
  }
  return { values: { region: p.region, account: p.account }, suggested: [] };
}

/** Answers the request over the open documents, then the files under `folders`. */
export async function answerEventContext(p: EventContextRequest.Params, open: readonly TemplateSource[], folders: readonly string[]): Promise<EventContextRequest.Result> {
  const found = await findEventContext(p, open);
  if (found.template) return found;
  return findEventContext(p, await diskTemplates(folders, new Set(open.map((o) => o.uri))));
}
