// fmt.Sprintf's common verbs for templates' printf: %s %v %d %q %x %X %f %t %%, with width, - and 0 flags.
import { goJson, goPrint } from './goValue';

export function goSprintf(format: string, args: unknown[]): string {
  let n = 0;
  return (
    format.replace(
      /%([-+# 0]*)(\d*)(?:\.(\d+))?([a-zA-Z%])/g,
      (_m, flags: string, width: string, prec: string | undefined, verb: string) => {
        if (verb === '%') return '%';
        if (n >= args.length) return `%!${verb}(MISSING)`;
        const a = args[n++];
        let s: string;
        switch (verb) {
          case 'v':
          case 's':
            s = goPrint(a);
            if (prec !== undefined && verb === 's') s = [...s].slice(0, Number(prec)).join('');
            break;
          case 'd':
            s =
              typeof a === 'number' && Number.isInteger(a)
                ? String(a)
                : `%!d(${typeof a === 'string' ? 'string' : 'bad'}=${goPrint(a)})`;
            break;
          case 'q':
            s = typeof a === 'string' ? goJson(a) : `%!q(${goPrint(a)})`;
            break;
          case 'x':
          case 'X':
            s =
              typeof a === 'number'
                ? a.toString(16)
                : [...new TextEncoder().encode(String(a))].map((b) => b.toString(16).padStart(2, '0')).join('');
            if (verb === 'X') s = s.toUpperCase();
            break;
          case 'f':
            s = typeof a === 'number' ? a.toFixed(prec === undefined ? 6 : Number(prec)) : `%!f(${goPrint(a)})`;
            break;
          case 't':
            s = typeof a === 'boolean' ? String(a) : `%!t(${goPrint(a)})`;
            break;
          default:
            s = `%!${verb}(${goPrint(a)})`;
        }
        const w = Number(width || 0);
        if (s.length < w)
          s = flags.includes('-')
            ? s.padEnd(w)
            : flags.includes('0') && /[dfxX]/.test(verb)
              ? s.padStart(w, '0')
              : s.padStart(w);
        return s;
      },
    ) +
    (n < args.length
      ? `%!(EXTRA ${args
          .slice(n)
          .map((a) => `${typeof a === 'string' ? 'string' : typeof a === 'number' ? 'int' : 'bool'}=${goPrint(a)}`)
          .join(', ')})`
      : '')
  );
}
