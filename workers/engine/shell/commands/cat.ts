// cat: concatenation, with GNU's -n -b -s -E -T -v (-A -e -t) line decorations.
import type { CommandContext } from '../types';
import { parseOpts } from './opts';
import { readInputs } from './io';

/** cat -v's notation for one byte: ^X for controls, ^? for DEL, M- for the high half. */
function visibleByte(b: number, tabs: boolean): string {
  if (b === 9) return tabs ? '^I' : '\t';
  if (b >= 128) return 'M-' + visibleByte(b - 128, true);
  if (b < 32) return '^' + String.fromCharCode(b + 64);
  return b === 127 ? '^?' : String.fromCharCode(b);
}

/** Decorates the whole stream (state runs on across files as in GNU cat: a file without a final newline continues). */
function decorate(text: string, o: Record<string, string>): string {
  const showAll = 'A' in o;
  const nonPrinting = showAll || 'v' in o || 'e' in o || 't' in o;
  const ends = showAll || 'E' in o || 'e' in o;
  const tabs = showAll || 'T' in o || 't' in o;
  const numberAll = 'n' in o && !('b' in o);
  const numberNonBlank = 'b' in o;
  const pieces = text.split('\n');
  let out = '';
  let n = 0;
  let blankRun = 0;
  pieces.forEach((line, idx) => {
    const last = idx === pieces.length - 1;
    if (last && line === '') return;
    if (line === '' && !last) {
      blankRun++;
      if ('s' in o && blankRun > 1) return;
    } else blankRun = 0;
    if (numberAll || (numberNonBlank && line !== '')) out += `${String(++n).padStart(6)}\t`;
    let body = line;
    if (nonPrinting) body = [...new TextEncoder().encode(line)].map((b) => visibleByte(b, tabs)).join('');
    else if (tabs) body = line.replace(/\t/g, '^I');
    out += body + (last ? '' : (ends ? '$' : '') + '\n');
  });
  return out;
}

export function cat(ctx: CommandContext): number {
  const p = parseOpts(ctx, {
    flags: 'AbeEnstTuv',
    long: {
      'show-all': 'A',
      'number-nonblank': 'b',
      'show-ends': 'E',
      number: 'n',
      'squeeze-blank': 's',
      'show-tabs': 'T',
      'show-nonprinting': 'v',
    },
  });
  if (typeof p === 'number') return p;
  let ok = true;
  const decorated = Object.keys(p.opts).some((k) => k !== 'u');
  let all = '';
  for (const f of p.args.length ? p.args : ['-']) {
    const { inputs, ok: o } = readInputs(ctx, [f]);
    ok &&= o;
    // Plain cat streams each file as it is (a sparse file's text is what it holds, never its holes).
    for (const i of inputs)
      if (decorated) all += i.text;
      else ctx.out(i.text);
  }
  if (decorated) ctx.out(decorate(all, p.opts));
  return ok ? 0 : 1;
}
