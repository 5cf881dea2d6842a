// Command layers the worker bundle loads on first use (vite.config.ts points the command table at stand-ins): the
// first page load stays within its JS budget. Node (tests, CLI) imports the real layers and never meets this.
import type { CommandHandler, CommandTable } from './types';
import type { SimTable } from './sim';

/** Something the worker loads before running a script that mentions it. */
export interface LazyPart {
  mentionedIn(script: string): boolean;
  load(): Promise<void>;
}

const parts: LazyPart[] = [];

/** Adds a part the worker loads for scripts that mention it (stand-ins register at import time). */
export function registerLazy(part: LazyPart): void {
  parts.push(part);
}

/** Loads every registered part the script mentions; resolves at once when there is none. */
export async function loadLazyFor(script: string): Promise<void> {
  await Promise.all(parts.filter((p) => p.mentionedIn(script)).map((p) => p.load()));
}

/** A module imported once, on first need: `load` starts (or joins) the import, `get` answers once it is done. */
export function lazyModule<M>(importer: () => Promise<M>): { load(): Promise<void>; get(): M | undefined } {
  let module: M | undefined;
  let loading: Promise<void> | undefined;
  return {
    load: () =>
      (loading ??= importer().then((m) => {
        module = m;
      })),
    get: () => module,
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regular expression matching any of `names` as a whole word of a script. */
export function wordsRe(names: readonly string[]): RegExp {
  return new RegExp(`(?<![\\w.-])(?:${names.map(escape).join('|')})(?![\\w.-])`);
}

/** A stand-in for a command of a lazily loaded layer. A script names its commands, so the worker loads them before
 * running it; only a name built at run time (`$cmd`) gets here first, and is told to run again. */
export function standIn(
  what: string,
  real: () => CommandHandler | undefined,
  load: () => Promise<void>,
): CommandHandler {
  return (ctx) => {
    const h = real();
    if (h) return h(ctx);
    void load();
    ctx.err(`${ctx.argv[0]}: ${what} are still loading; run the command again\n`);
    return 1;
  };
}

/** What `sim help` shows of a lazily loaded `sim` subcommand before its layer has loaded. */
export type SimSynopsis = Record<string, { usage: string; help: string }>;

/** A lazily loaded command layer: stand-ins for its commands and `sim` subcommands, registered so a script naming
 * one loads the real layer before it runs. */
export function lazyLayer(
  what: string,
  names: readonly string[],
  importer: () => Promise<{ commands: CommandTable; simCommands?: SimTable }>,
  sims: SimSynopsis = {},
): { commands: CommandTable; simCommands: SimTable } {
  const { load, get: real } = lazyModule(importer);
  const commandRe = wordsRe(names);
  const simNames = Object.keys(sims);
  const simRe = simNames.length ? new RegExp(`\\bsim\\s+${wordsRe(simNames).source}`) : null;
  registerLazy({ mentionedIn: (s) => commandRe.test(s) || !!simRe?.test(s), load });
  return {
    commands: Object.fromEntries(names.map((n) => [n, standIn(what, () => real()?.commands[n], load)])),
    simCommands: Object.fromEntries(
      simNames.map((n) => [n, { ...sims[n], run: standIn(what, () => real()?.simCommands?.[n]?.run, load) }]),
    ),
  };
}
