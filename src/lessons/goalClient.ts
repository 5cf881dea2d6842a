// Asks the engine worker which lesson goals hold, through the session's own engine client.
import type { Session } from '../lib/session.svelte';
import type { EngineClient } from '../lib/engineClient';

/** Goal results by id; an engine failure reports every goal as not met. */
export async function checkGoals(session: Session, ids: string[]): Promise<Record<string, boolean>> {
  if (!ids.length) return {};
  // Session keeps its client private; a goal check only reads state, so it may run beside the session's queue.
  const engine = (session as unknown as { engine: EngineClient }).engine;
  try {
    return await engine.call((api) => api.checkGoals(ids));
  } catch {
    return Object.fromEntries(ids.map((id) => [id, false]));
  }
}
