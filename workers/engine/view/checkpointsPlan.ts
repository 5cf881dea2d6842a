// Which prefixes of the session are worth a prebuilt machine: the steps just behind the last one, then ever further
// back (n−1, n−2, n−4, n−8…), so stepping back a little is instant and stepping back far replays only a stretch.

/** Default number of checkpoint machines kept (each may hold tens of MB of pool arrays). */
export const maxCheckpoints = 5;

/** Prefix lengths to keep a checkpoint at for a session of `n` commands, most wanted first. */
export function checkpointSteps(n: number, max = maxCheckpoints): number[] {
  const steps: number[] = [];
  for (let back = 1; steps.length < max && n - back >= 1; back *= 2) steps.push(n - back);
  return steps;
}
