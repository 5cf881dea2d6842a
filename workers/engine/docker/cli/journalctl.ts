// journalctl for the units the seed reads: docker.service (dockerd, systemd) and dm-event.service (dmeventd).
import type { CommandContext } from '../../shell/types';
import { formatJournalLine, journalHeaderDate } from '../../journal';

/** `journalctl [-u UNIT] [-f] [-n N] [-xe] [--no-pager]`; -f prints the tail and returns (the sandbox has no live follow). */
export function journalctlCommand(ctx: CommandContext): number {
  const m = ctx.machine;
  let unit: string | undefined;
  let lines: number | undefined;
  let follow = false;
  let reverse = false;
  const argv = ctx.argv.slice(1);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-u' || a === '--unit') unit = argv[++i];
    else if (a.startsWith('--unit=')) unit = a.slice(7);
    else if (a === '-n' || a === '--lines') lines = Number(argv[++i]);
    else if (
      a === '--no-pager' ||
      a === '-x' ||
      a === '--catalog' ||
      a === '-a' ||
      a === '--all' ||
      a === '-b' ||
      a === '--boot'
    )
      continue;
    else if (a === '-r' || a === '--reverse') reverse = true;
    else if (a === '-f' || a === '--follow') follow = true;
    else if (/^-[a-zA-Z]+$/.test(a)) {
      // Bundled short options as in -fu dm-event.service or -xe.
      for (const c of a.slice(1)) {
        if (c === 'f') follow = true;
        else if (c === 'e') lines ??= 1000;
        else if (c === 'x' || c === 'a' || c === 'b') continue;
        else if (c === 'r') reverse = true;
        else if (c === 'u') unit = argv[++i];
        else if (c === 'n') lines = Number(argv[++i]);
        else {
          ctx.err(`journalctl: invalid option -- '${c}'\n`);
          return 1;
        }
      }
    } else {
      ctx.err(`Failed to add match '${a}': Invalid argument\n`);
      return 1;
    }
  }
  const host = m.profile.hostname;
  const u = unit && !unit.includes('.') ? `${unit}.service` : unit;
  // One journal for every unit, in the order written (the simulated clock never goes back).
  let out = m.journal.forUnit(u).map((e) => ({ time: e.time, text: formatJournalLine(e, host) }));
  if (follow && lines === undefined) lines = 10;
  if (lines !== undefined && Number.isFinite(lines)) out = out.slice(-lines);
  if (reverse) out.reverse();
  const header = `-- Logs begin at ${journalHeaderDate(m.profile.bootTime)}, end at ${journalHeaderDate(m.clock.now)}. --`;
  if (!out.length) {
    ctx.out(`${header}\n-- No entries --\n`);
    return 0;
  }
  ctx.out(`${header}\n${out.map((l) => l.text).join('\n')}\n`);
  return 0;
}
