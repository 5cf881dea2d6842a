// Structured content by storageId; `file:<path>` lives in the host file's payload, so loop-backed metadata and its file agree.
import type { ContentStore } from './blockDevice';
import { failed } from './errno';
import type { LoopDevices } from './loopDevices';
import type { Vfs } from './vfs';
import type { FileNode } from './vfsNodes';

/** ContentStore over a map, routing `file:` ids to file payloads (a bound loop keeps its inode even after a rename). */
export class HostContentStore implements ContentStore {
  private readonly other = new Map<string, unknown>();

  constructor(
    private readonly vfs: Vfs,
    private readonly loops: LoopDevices,
  ) {}

  private fileFor(storageId: string): FileNode | undefined {
    const path = storageId.slice('file:'.length);
    for (const l of this.loops.attached.values()) if (l.file === path) return l.node;
    const n = this.vfs.lookup(path);
    return failed(n) || n.kind !== 'file' ? undefined : n;
  }

  get(storageId: string): unknown {
    if (storageId.startsWith('file:')) return this.fileFor(storageId)?.payload;
    return this.other.get(storageId);
  }

  set(storageId: string, value: unknown): void {
    if (storageId.startsWith('file:')) {
      const f = this.fileFor(storageId);
      if (f) f.payload = value;
      return;
    }
    this.other.set(storageId, value);
  }
}
