// Which lesson goals were met somewhere along the timeline up to the step it stands at now.
// A goal seen met after the commands P counts while P is a prefix of what is applied: the engine is
// deterministic, so the same prefix is the same machine. Stepping back before P hides it until the
// timeline steps forward over P again; typing other commands in P's place drops it.

/** For each goal, the commands that were applied when it was first seen met. */
export type Witnesses = Record<string, string[]>;

/** Whether `prefix` is the start of `applied`. */
export function isPrefix(prefix: string[], applied: string[]): boolean {
  if (prefix.length > applied.length) return false;
  for (let i = 0; i < prefix.length; i++) if (prefix[i] !== applied[i]) return false;
  return true;
}

/** Witnesses after a check at step `step` of `timeline`: goals met there are added (the earliest step is kept),
 *  witnesses whose commands are no longer the timeline's are dropped. */
export function witness(w: Witnesses, met: Record<string, boolean>, timeline: string[], step: number): Witnesses {
  const out: Witnesses = {};
  for (const [id, at] of Object.entries(w)) if (isPrefix(at, timeline)) out[id] = at;
  const applied = timeline.slice(0, step);
  for (const [id, ok] of Object.entries(met)) if (ok && !(out[id] && out[id].length <= step)) out[id] = applied;
  return out;
}

/** Goals met at some step of the timeline up to `applied` (the commands applied now). */
export function metAlong(w: Witnesses, applied: string[]): Set<string> {
  return new Set(Object.keys(w).filter((id) => isPrefix(w[id], applied)));
}
