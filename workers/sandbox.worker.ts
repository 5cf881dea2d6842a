// The engine's Web Worker: wiring only — the API object is exposed to the UI through Comlink.
import * as Comlink from 'comlink';
import { createSandboxApi } from './engine/view/sandboxApi';
import { loadThinTools, needsThinTools } from './engine/thintools/lazy/load';

const api = createSandboxApi();
Comlink.expose({
  ...api,
  // The thin_* tools come in on first use (see vite.config.ts).
  run: async (script: string) => {
    if (needsThinTools(script)) await loadThinTools();
    return api.run(script);
  },
  // The block map's arrays are moved, not copied, to the UI thread.
  viewState: (withBlocks?: boolean) => {
    const v = api.viewState(withBlocks);
    if ('internal' in v) return v;
    return Comlink.transfer(
      v,
      v.blockMaps.flatMap((m) => [m.refcount.buffer, m.owner.buffer]),
    );
  },
});
