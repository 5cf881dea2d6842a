// The worker loads the thin_* tools on first use, so the first page load does not carry them.
import { lazyModule, loadLazyFor, registerLazy } from '../../shell/lazyLayers';

// `sim import-pool` runs these commands of other lazily loaded layers by name: they load with the tools.
const IMPORT_POOL_RUNS = 'truncate losetup dmsetup';

const thin = lazyModule(() =>
  Promise.all([import('../commands/index'), import('../commands/fileTransfer'), loadLazyFor(IMPORT_POOL_RUNS)]).then(
    ([tools, transfer]) => ({ tools, transfer }),
  ),
);

/** Loads the tools and the file transfer (once); later calls resolve at once. */
export const loadThinTools = thin.load;

/** The loaded modules, or undefined before loadThinTools has resolved. */
export const loaded = thin.get;

/** Whether a script uses a thin_* tool or `sim import-pool` (so the worker loads them before running it). */
export function needsThinTools(script: string): boolean {
  return /\bthin_[a-z_]+|import-pool/.test(script);
}

registerLazy({ mentionedIn: needsThinTools, load: loadThinTools });
