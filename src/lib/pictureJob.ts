// A block map picture painted a slice of rows at a time, so building it never holds the main thread for long.
import type { BlockMapView } from '../../workers/engine/view/types';
import { devicePalette, sharedColour } from './blockImage';

/** The picture of a map at 1/`factor` scale (most telling block per cell: shared over owned over free), in slices. */
export class PictureJob {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8ClampedArray<ArrayBuffer>;
  private readonly rank: Uint8Array;
  private readonly owner: Int32Array;
  private row = 0;
  private readonly rows: number;

  constructor(
    private readonly map: BlockMapView,
    private readonly mapWidth: number,
    readonly factor: number,
    private readonly free: [number, number, number],
  ) {
    this.rows = Math.ceil(map.refcount.length / mapWidth);
    this.width = Math.ceil(mapWidth / factor);
    this.height = Math.ceil(this.rows / factor);
    this.pixels = new Uint8ClampedArray(this.width * this.height * 4);
    this.rank = new Uint8Array(this.width);
    this.owner = new Int32Array(this.width);
  }

  /** Whether every row is painted. */
  get done(): boolean {
    return this.row >= this.rows;
  }

  /** Paints about `blocks` more blocks (whole cell rows); returns `done`. */
  step(blocks: number): boolean {
    const f = this.factor;
    const cellRows = Math.max(1, Math.floor(blocks / (this.mapWidth * f)));
    for (let k = 0; k < cellRows && !this.done; k++) this.paintCellRow();
    return this.done;
  }

  // One row of cells: `factor` rows of blocks folded into it.
  private paintCellRow(): void {
    const { map, mapWidth: w, factor: f, rank, owner } = this;
    const n = map.refcount.length;
    rank.fill(0);
    const end = Math.min(this.rows, this.row + f);
    for (let r = this.row; r < end; r++) {
      const first = r * w;
      const last = Math.min(n, first + w);
      for (let i = first; i < last; i++) {
        const ref = map.refcount[i];
        if (ref === 0) continue;
        const cell = Math.floor((i - first) / f);
        const k = ref > 1 ? 2 : 1;
        if (k > rank[cell]) {
          rank[cell] = k;
          owner[cell] = map.owner[i];
        }
      }
    }
    const base = Math.floor(this.row / f) * this.width * 4;
    // At full size a block past the end of a partial last row is left transparent, as paintBlocks leaves it.
    const cells = f === 1 ? Math.min(this.width, n - this.row * w) : this.width;
    for (let c = 0; c < cells; c++) {
      const col = rank[c] === 0 ? this.free : rank[c] === 2 ? sharedColour : devicePalette[owner[c] % devicePalette.length];
      const o = base + c * 4;
      this.pixels[o] = col[0];
      this.pixels[o + 1] = col[1];
      this.pixels[o + 2] = col[2];
      this.pixels[o + 3] = 255;
    }
    this.row = end;
  }
}
