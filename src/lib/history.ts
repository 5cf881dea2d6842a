// The terminal's command history: ↑/↓ walk it like bash, and it survives reloads in storage.
import type { KeyValueStore } from './storage';

const storageKey = 'dm-sandbox.history';
/** Commands kept; older ones fall off. */
export const historyLimit = 500;

/** Command history with a cursor; `draft` keeps what was typed before walking away from it. */
export class CommandHistory {
  private items: string[];
  private cursor: number;
  private draft = '';

  constructor(private store?: KeyValueStore) {
    this.items = load(store);
    this.cursor = this.items.length;
  }

  /** Every remembered command, oldest first. */
  get entries(): readonly string[] {
    return this.items;
  }

  /** Records a command run (blank lines and an immediate repeat are not kept, as bash's ignoreboth). */
  push(command: string): void {
    const c = command.trimEnd();
    if (c.trim() !== '' && c !== this.items[this.items.length - 1]) {
      this.items.push(c);
      if (this.items.length > historyLimit) this.items.splice(0, this.items.length - historyLimit);
      this.store?.setItem(storageKey, JSON.stringify(this.items));
    }
    this.cursor = this.items.length;
    this.draft = '';
  }

  /** ↑: the previous command, or null at the oldest. `current` is the line being edited. */
  previous(current: string): string | null {
    if (this.cursor === 0) return null;
    if (this.cursor === this.items.length) this.draft = current;
    this.cursor--;
    return this.items[this.cursor];
  }

  /** ↓: the next command, the draft after the newest, or null when already there. */
  next(): string | null {
    if (this.cursor >= this.items.length) return null;
    this.cursor++;
    return this.cursor === this.items.length ? this.draft : this.items[this.cursor];
  }
}

function load(store?: KeyValueStore): string[] {
  try {
    const raw = store?.getItem(storageKey);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string').slice(-historyLimit) : [];
  } catch {
    return [];
  }
}
