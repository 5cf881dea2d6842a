// Deterministic lvm-style UUIDs (32 characters of [0-9A-Za-z], shown 6-4-4-4-4-4-6).
const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Makes UUIDs from a seeded generator, so the same script gives the same ids. */
export class UuidSource {
  private state: number;
  constructor(seed = 0x1f2e3d4c) {
    this.state = seed >>> 0;
  }
  private next(): number {
    // mulberry32
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** A new 32-character id (no dashes, as in dm uuids). */
  raw(): string {
    let s = '';
    for (let i = 0; i < 32; i++) s += alphabet[Math.floor(this.next() * alphabet.length)];
    return s;
  }
}

/** Formats a raw id the way pvdisplay/vgdisplay/lvdisplay print it. */
export function formatUuid(raw: string): string {
  const cuts = [6, 4, 4, 4, 4, 4, 6];
  const parts: string[] = [];
  let i = 0;
  for (const c of cuts) {
    parts.push(raw.slice(i, i + c));
    i += c;
  }
  return parts.join('-');
}
