/**
 * Saved test events, stored in the workspace under `.lambda-lens/events/<function>/<name>.json` so they
 * can be committed and shared, like the console's shareable test events.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseFunctionArn } from '../../../server/src/arn';

/** The folder of saved events, relative to the workspace root. */
export const SAVED_EVENTS_DIR = path.join('.lambda-lens', 'events');

/** One saved event. */
export interface SavedEvent {
  name: string;
  file: string;
  /** Last modified, for ordering (newest first). */
  modified: Date;
}

/** The function part of a name or ARN (`arn:aws:lambda:r:a:function:name:alias` -> `name`). */
export function functionFolder(functionNameOrArn: string): string {
  return parseFunctionArn(functionNameOrArn)?.name ?? functionNameOrArn;
}

/** Why `name` cannot name a saved event, or undefined when it can. */
export function checkEventName(name: string): string | undefined {
  if (name.trim() === '') return 'Give the event a name.';
  if (name.length > 100) return 'Use at most 100 characters.';
  if (!/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/.test(name) || name.includes('..')) return 'Use letters, digits, spaces, dots, dashes and underscores (starting with a letter or digit).';
  return undefined;
}

/** Saved events of a function in a workspace folder, and saving new ones. */
export class SavedEventStore {
  constructor(private readonly root: string) {}

  /** The folder of one function's events. */
  folder(functionName: string): string {
    return path.join(this.root, SAVED_EVENTS_DIR, functionFolder(functionName));
  }

  /** The saved events of a function, newest first; none when the folder does not exist. */
  async list(functionName: string): Promise<SavedEvent[]> {
    const dir = this.folder(functionName);
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch {
      return [];
    }
    const out: SavedEvent[] = [];
    for (const n of names.filter((f) => f.endsWith('.json'))) {
      const file = path.join(dir, n);
      const st = await fs.stat(file).catch(() => undefined);
      if (st?.isFile()) out.push({ name: n.slice(0, -'.json'.length), file, modified: st.mtime });
    }
    return out.sort((a, b) => b.modified.getTime() - a.modified.getTime() || a.name.localeCompare(b.name));
  }

  /** Reads a saved event's text. */
  read(functionName: string, name: string): Promise<string> {
    return fs.readFile(this.fileOf(functionName, name), 'utf8');
  }

  /** Saves (or replaces) an event; the text must be JSON and is stored pretty-printed. Returns the file. */
  async save(functionName: string, name: string, text: string): Promise<string> {
    const problem = checkEventName(name);
    if (problem) throw new Error(`Cannot save event "${name}": ${problem}`);
    const pretty = `${JSON.stringify(JSON.parse(text), null, 2)}\n`;
    const file = this.fileOf(functionName, name);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, pretty, 'utf8');
    return file;
  }

  private fileOf(functionName: string, name: string): string {
    return path.join(this.folder(functionName), `${name}.json`);
  }
}
