// thin_check over model metadata: the passes it reports on stderr and the info lines on stdout.
import type { PoolMetadata } from '../dm/poolMetadata';

/** thin_check's switches that change what it prints. */
export interface ThinCheckOptions {
  quiet?: boolean;
  superBlockOnly?: boolean;
  skipMappings?: boolean;
}

/** What a run prints and returns. */
export interface ToolOutput {
  stdout: string;
  stderr: string;
  status: number;
}

/**
 * Checks metadata held on a device of `metadataBlocks` 4 KiB blocks. The model is consistent by construction, so
 * the check passes; METADATA_FREE_BLOCKS is what 0.9.0 prints: the device's block count less the superblock (it
 * reads free blocks from a fresh in-core space map, not from the on-disk one — verified against the real tool).
 */
export function thinCheck(md: PoolMetadata, metadataBlocks: number, opts: ThinCheckOptions = {}): ToolOutput {
  if (opts.quiet) return { stdout: '', stderr: '', status: 0 };
  const passes = ['examining superblock'];
  if (!opts.superBlockOnly) {
    passes.push('examining devices tree');
    passes.push(opts.skipMappings ? 'examining top level of mapping tree' : 'examining mapping tree');
    if (!opts.skipMappings) passes.push('checking space map counts');
  }
  return {
    stdout: `TRANSACTION_ID=${md.transaction}\nMETADATA_FREE_BLOCKS=${metadataBlocks - 1}\n`,
    stderr: passes.join('\n') + '\n',
    status: 0,
  };
}

/** thin_check on a device whose superblock is not valid metadata (zeroed, or a failed restore). */
export function thinCheckCorrupt(opts: ThinCheckOptions = {}): ToolOutput {
  return {
    stdout: '',
    stderr: opts.quiet ? '' : 'examining superblock\n  superblock is corrupt\n    bad checksum in superblock, wanted 1490015127\n',
    status: 1,
  };
}
