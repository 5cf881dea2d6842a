// The thin-pool table's optional feature arguments.

/** Feature flags of a thin-pool target line. */
export interface PoolFeatures {
  skipBlockZeroing: boolean;
  ignoreDiscard: boolean;
  noDiscardPassdown: boolean;
  readOnly: boolean;
  errorIfNoSpace: boolean;
}

/** No features: zeroing on, discards passed down, IO queued when out of data space. */
export function defaultFeatures(): PoolFeatures {
  return { skipBlockZeroing: false, ignoreDiscard: false, noDiscardPassdown: false, readOnly: false, errorIfNoSpace: false };
}

const featureNames: [string, keyof PoolFeatures][] = [
  ['skip_block_zeroing', 'skipBlockZeroing'],
  ['ignore_discard', 'ignoreDiscard'],
  ['no_discard_passdown', 'noDiscardPassdown'],
  ['read_only', 'readOnly'],
  ['error_if_no_space', 'errorIfNoSpace'],
];

/** Parses feature words; returns the flags or the kernel's ti->error text. */
export function parseFeatures(words: string[]): PoolFeatures | string {
  const f = defaultFeatures();
  for (const w of words) {
    const hit = featureNames.find(([n]) => n === w.toLowerCase());
    if (!hit) return 'Unrecognised pool feature requested';
    f[hit[1]] = true;
  }
  return f;
}

/** Feature words in the order the kernel's pool_status prints them in the table line. */
export function featureWords(f: PoolFeatures): string[] {
  const w: string[] = [];
  if (f.skipBlockZeroing) w.push('skip_block_zeroing');
  if (f.ignoreDiscard) w.push('ignore_discard');
  if (f.noDiscardPassdown) w.push('no_discard_passdown');
  if (f.readOnly) w.push('read_only');
  if (f.errorIfNoSpace) w.push('error_if_no_space');
  return w;
}
