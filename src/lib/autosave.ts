// Autosave of the session: the commands typed and where the timeline stands, restored on reload.
import type { KeyValueStore } from './storage';

const storageKey = 'dm-sandbox.session';

/** What is saved: enough to replay the session (the engine is deterministic). */
export interface SavedSession {
  version: 1;
  commands: string[];
  cursor: number;
  view?: string;
}

/** Saves the session (quota errors are ignored: autosave is best effort). */
export function saveSession(store: KeyValueStore, s: Omit<SavedSession, 'version'>): void {
  try {
    store.setItem(storageKey, JSON.stringify({ version: 1, ...s }));
  } catch {
    /* storage full or forbidden: the session still lives in the page */
  }
}

/** The saved session, or null when there is none or it is unreadable. */
export function loadSession(store: KeyValueStore): SavedSession | null {
  try {
    const raw = store.getItem(storageKey);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<SavedSession>;
    if (v.version !== 1 || !Array.isArray(v.commands) || !v.commands.every((c) => typeof c === 'string')) return null;
    const cursor = Number.isInteger(v.cursor)
      ? Math.max(0, Math.min(v.cursor as number, v.commands.length))
      : v.commands.length;
    return { version: 1, commands: v.commands, cursor, view: typeof v.view === 'string' ? v.view : undefined };
  } catch {
    return null;
  }
}

/** Forgets the saved session. */
export function clearSession(store: KeyValueStore): void {
  store.removeItem(storageKey);
}
