// Recognises `sim read CTR BLOCK[+COUNT]` in a command line, so the read view can show what the terminal printed.

/** A read the user asked for: container and first block. */
export interface BlockRead {
  container: string;
  block: number;
}

/** The container and first block of a `sim read` command, or null for any other command. */
export function simReadOf(command: string): BlockRead | null {
  const m = /^\s*(?:sudo\s+)?sim\s+read\s+(\S+)\s+(0x[0-9a-fA-F]+|\d+)(?:\+(?:0x[0-9a-fA-F]+|\d+))?\s*$/.exec(command);
  return m ? { container: m[1], block: Number(m[2]) } : null;
}

/** Reads a block number as sim does: decimal or 0x hex; null otherwise. */
export function parseBlock(text: string): number | null {
  const t = text.trim();
  return /^(0x[0-9a-fA-F]+|\d+)$/.test(t) ? Number(t) : null;
}
