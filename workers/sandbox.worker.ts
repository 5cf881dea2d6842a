// The engine's Web Worker: wiring only — the API object is exposed to the UI through Comlink.
import * as Comlink from 'comlink';
import { createSandboxApi } from './engine/view/sandboxApi';
import { loadLazyFor } from './engine/shell/lazyLayers';
import { setupScripts } from './engine/view/freeBehaviour';

const api = createSandboxApi();
Comlink.expose({
  ...api,
  // Some command layers come in on first use (see vite.config.ts): those a script names load before it runs.
  run: async (script: string) => {
    await loadLazyFor(script);
    return api.run(script);
  },
  freeBehaviour: async (story: string[]) => {
    await loadLazyFor([...Object.values(setupScripts), ...story].join('\n'));
    return api.freeBehaviour(story);
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
