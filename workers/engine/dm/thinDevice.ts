// A thin device inside a pool: its details record (as in the device-details btree) and its mapping tree.
import { MappingTree, type TreeCounters } from './mappingTree';

/** Largest thin device id: ids are 24-bit. */
export const MAX_DEV_ID = (1 << 24) - 1;

/** One thin device of a pool. */
export class ThinDevice {
  /** Number of mapped virtual blocks. */
  mappedBlocks = 0;
  /** Active dm devices using it (a device in use cannot be deleted: EBUSY). */
  openCount = 0;

  constructor(
    readonly id: number,
    public tree: MappingTree,
    /** Pool transaction id when it was created. */
    public transaction: number,
    /** Pool time when it was created. */
    public creationTime: number,
    /** Pool time of the last snapshot taken of it (or of its own creation as a snapshot). */
    public snapTime: number,
  ) {}

  /** A fresh, empty device (one empty leaf as the root of its mapping tree). */
  static create(c: TreeCounters, id: number, transaction: number, time: number): ThinDevice {
    return new ThinDevice(id, new MappingTree(c), transaction, time, time);
  }
}
