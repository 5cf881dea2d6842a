// The worker loads the thin_* tools on first use, so the first page load does not carry them.
import { loadLazyFor, registerLazy } from '../../shell/lazyLayers';

// `sim import-pool` runs these commands of other lazily loaded layers by name: they load with the tools.
const IMPORT_POOL_RUNS = 'truncate losetup dmsetup';

type Tools = typeof import('../commands/index');
type Transfer = typeof import('../commands/fileTransfer');

let tools: Tools | undefined;
let transfer: Transfer | undefined;
let loading: Promise<void> | undefined;

/** Loads the tools and the file transfer (once); later calls resolve at once. */
export function loadThinTools(): Promise<void> {
  loading ??= Promise.all([
    import('../commands/index'),
    import('../commands/fileTransfer'),
    loadLazyFor(IMPORT_POOL_RUNS),
  ]).then(([t, f]) => {
    tools = t;
    transfer = f;
  });
  return loading;
}

/** The loaded modules, or undefined before loadThinTools has resolved. */
export function loaded(): { tools: Tools; transfer: Transfer } | undefined {
  return tools && transfer ? { tools, transfer } : undefined;
}

/** Whether a script uses a thin_* tool or `sim import-pool` (so the worker loads them before running it). */
export function needsThinTools(script: string): boolean {
  return /\bthin_[a-z_]+|import-pool/.test(script);
}

registerLazy({ mentionedIn: needsThinTools, load: loadThinTools });
