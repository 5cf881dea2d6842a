// The state half of a link: `#s=<lz-string script>&step=N&view=NAME`, compressed and kept out of server logs.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

/** What a link carries: the script, how far to play it, which view to show. */
export interface LinkState {
  script: string;
  /** Commands to replay; undefined means all of them. */
  step?: number;
  view?: string;
}

/** A link that was read, or why it could not be. */
export type LinkResult = { ok: true; state: LinkState } | { ok: false; reason: string } | { ok: true; state: null };

/** Longest script a link may carry once decompressed (keeps a hostile link from eating memory). */
export const maxScriptLength = 1_000_000;

/** Builds the hash (with its leading '#') for a state. */
export function encodeLink(state: LinkState): string {
  const parts = [`s=${compressToEncodedURIComponent(state.script)}`];
  if (state.step !== undefined) parts.push(`step=${state.step}`);
  if (state.view) parts.push(`view=${encodeURIComponent(state.view)}`);
  return '#' + parts.join('&');
}

/** Reads a hash; an empty hash gives `state: null`, a damaged one a reason and no state. */
export function decodeLink(hash: string): LinkResult {
  const body = hash.replace(/^#/, '');
  if (body === '') return { ok: true, state: null };
  const fields = new Map<string, string>();
  for (const part of body.split('&')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    fields.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const packed = fields.get('s');
  if (packed === undefined) return { ok: true, state: null };
  let script: string | null;
  try {
    script = decompressFromEncodedURIComponent(packed);
  } catch {
    script = null;
  }
  if (script === null || (script === '' && packed !== '' && packed !== 'Q'))
    return { ok: false, reason: 'the script is damaged' };
  if (script.length > maxScriptLength) return { ok: false, reason: 'the script is too long' };
  const state: LinkState = { script };
  const step = fields.get('step');
  if (step !== undefined) {
    if (!/^\d+$/.test(step)) return { ok: false, reason: `step "${step}" is not a number` };
    state.step = Number(step);
  }
  const view = fields.get('view');
  if (view !== undefined) {
    try {
      state.view = decodeURIComponent(view);
    } catch {
      return { ok: false, reason: 'the view name is damaged' };
    }
  }
  return { ok: true, state };
}
