// Kept outputs in IndexedDB (localStorage holds a few MB in all; a plot or a sweep alone can take one).
export const keptDbName = 'jacobian-notebook-kept';
const storeName = 'outputs';

export interface KeptDb {
  /** Every stored record, unchecked (the caller checks each before use). */
  readAll(): Promise<unknown[]>;
  put(record: { id: string }): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
}

const done = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('the write was aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('the write failed'));
  });

/** Opens (creating on first use) the database; rejects when the browser gives none (storage disabled, private mode). */
export function openKeptDb(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<KeptDb> {
  return new Promise((resolve, reject) => {
    if (!factory) return reject(new Error('this browser offers no IndexedDB here'));
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(keptDbName, 1);
    } catch (error) {
      return reject(error instanceof Error ? error : new Error(String(error)));
    }
    request.onupgradeneeded = () => request.result.createObjectStore(storeName, { keyPath: 'id' });
    request.onerror = () => reject(request.error ?? new Error('IndexedDB did not open'));
    request.onblocked = () => reject(new Error('IndexedDB is held by an older version of this page in another tab'));
    request.onsuccess = () => {
      const db = request.result;
      resolve({
        readAll: () =>
          new Promise((ok, fail) => {
            const get = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
            get.onsuccess = () => ok(get.result as unknown[]);
            get.onerror = () => fail(get.error ?? new Error('reading kept outputs failed'));
          }),
        put: (record) => {
          const tx = db.transaction(storeName, 'readwrite');
          tx.objectStore(storeName).put(record);
          return done(tx);
        },
        remove: (ids) => {
          const tx = db.transaction(storeName, 'readwrite');
          for (const id of ids) tx.objectStore(storeName).delete(id);
          return done(tx);
        },
      });
    };
  });
}
