// Imported files kept in the browser (IndexedDB), so a reload that replays `sim import-pool` finds its XML again.

const dbName = 'dm-sandbox-imports';
const storeName = 'files';
/** How many imported files are kept: the newest ones. */
export const keptLimit = 3;

/** A file placed in the sandbox from outside, as kept. */
export interface KeptFile {
  path: string;
  name: string;
  blob: Blob;
  /** Order of import (newest highest). */
  at: number;
}

function open(): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    if (typeof indexedDB === 'undefined') return resolve(null);
    const req = indexedDB.open(dbName, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(storeName, { keyPath: 'path' });
    req.onsuccess = () => resolve(req.result);
    // Private windows or a full disk: imports still work, they are just not kept.
    req.onerror = () => resolve(null);
    req.onblocked = () => resolve(null);
  });
}

function done<T>(req: IDBRequest<T>): Promise<T | undefined> {
  return new Promise((resolve) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => resolve(undefined);
  });
}

/** Every kept file, oldest first. */
export async function keptFiles(): Promise<KeptFile[]> {
  const db = await open();
  if (!db) return [];
  try {
    const all = (await done(db.transaction(storeName).objectStore(storeName).getAll())) as KeptFile[] | undefined;
    return (all ?? []).sort((a, b) => a.at - b.at);
  } finally {
    db.close();
  }
}

/** Keeps `blob` as the file at `path`, dropping the oldest beyond the limit. */
export async function keepFile(path: string, name: string, blob: Blob): Promise<void> {
  const old = await keptFiles();
  const db = await open();
  if (!db) return;
  try {
    const store = db.transaction(storeName, 'readwrite').objectStore(storeName);
    const at = old.reduce((m, f) => Math.max(m, f.at), 0) + 1;
    await done(store.put({ path, name, blob, at } satisfies KeptFile));
    const others = old.filter((f) => f.path !== path);
    for (const f of others.slice(0, Math.max(0, others.length - (keptLimit - 1)))) await done(store.delete(f.path));
  } finally {
    db.close();
  }
}
