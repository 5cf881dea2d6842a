// Deterministic "random" ids: Docker's 64-hex ids and cache ids come from a seeded generator, so replays match.

/** A seeded generator of 64-hex ids (mulberry32 stream, advanced by every id drawn). */
export class IdSource {
  constructor(private state: number) {}

  private next32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A fresh 64-hex id such as Docker's container ids and layer cache ids. */
  hex64(): string {
    let s = '';
    for (let i = 0; i < 8; i++) s += this.next32().toString(16).padStart(8, '0');
    return s;
  }

  /** The generator's position, for checkpoints. */
  get position(): number {
    return this.state;
  }
}

/** Docker's short form of an id (first 12 hex digits). */
export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}
