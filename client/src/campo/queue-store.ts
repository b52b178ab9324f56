import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { QueueItem } from './queue-state.ts';

interface CampoSchema extends DBSchema {
  reportes: { key: string; value: QueueItem; indexes: { savedAt: string } };
}

const databaseName = 'sit-campo';
let opened: Promise<IDBPDatabase<CampoSchema>> | null = null;

function database(): Promise<IDBPDatabase<CampoSchema>> {
  opened ??= openDB<CampoSchema>(databaseName, 1, {
    upgrade(db) {
      const store = db.createObjectStore('reportes', { keyPath: 'uuid' });
      store.createIndex('savedAt', 'savedAt');
    },
  });
  return opened;
}

/**
 * The phone's queue of reports in IndexedDB: one record per report, keyed
 * by its UUID, with its resized photos as Blobs. It survives reloads,
 * closing the browser and going offline.
 */
export const queueStore = {
  /** Every report, newest first. */
  async all(): Promise<QueueItem[]> {
    const items = await (await database()).getAllFromIndex('reportes', 'savedAt');
    return items.reverse();
  },
  async get(uuid: string): Promise<QueueItem | undefined> {
    return (await database()).get('reportes', uuid);
  },
  async put(item: QueueItem): Promise<void> {
    await (await database()).put('reportes', item);
  },
  async delete(uuid: string): Promise<void> {
    await (await database()).delete('reportes', uuid);
  },
};
