// grep, awk, sed and the line tools (head, tail, wc, sort, uniq, cut, tr): a layer of their own, so the worker bundle
// can load them on first use (see vite.config.ts).
import type { CommandTable } from '../types';
import { grepCommands } from './grep';
import { awkCommands } from './awk';
import { sedCommands } from './sed';
import { headTail } from './headTail';
import { wc } from './wc';
import { sort } from './sort';
import { uniq } from './uniq';
import { cut } from './cut';
import { tr } from './tr';

export const commands: CommandTable = {
  ...grepCommands,
  ...awkCommands,
  ...sedCommands,
  head: (ctx) => headTail(ctx, true),
  tail: (ctx) => headTail(ctx, false),
  wc,
  sort,
  uniq,
  cut,
  tr,
};
