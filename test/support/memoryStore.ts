import type { KeyValueStore } from '../../client/src/explorer/model';

/** An in-memory stand-in for workspaceState with the same get/update contract. */
export class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }
  update(key: string, value: unknown): Promise<void> {
    this.data.set(key, value);
    return Promise.resolve();
  }
}
