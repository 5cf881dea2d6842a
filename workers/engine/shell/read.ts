// The `read` builtin: one line of standard input into variables, split on blanks (IFS defaults), backslashes honoured unless -r.
import type { Input } from './input';

const USAGE = 'read: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n';

/** Runs `read [-r] [-p prompt] [NAME…]`; status 1 at end of input (the partial last line is still assigned). */
export function readBuiltin(argv: string[], input: Input, err: (t: string) => void, set: (name: string, value: string) => void): number {
  let raw = false;
  let i = 1;
  for (; i < argv.length && argv[i].startsWith('-') && argv[i] !== '-'; i++) {
    if (argv[i] === '--') {
      i++;
      break;
    }
    for (let j = 1; j < argv[i].length; j++) {
      const c = argv[i][j];
      if (c === 'r' || c === 's' || c === 'e') {
        if (c === 'r') raw = true;
      } else if (c === 'p') {
        // The prompt goes to the terminal only when input is one; a script's input never is.
        if (j === argv[i].length - 1) i++;
        break;
      } else {
        err(`bash: read: -${c}: invalid option\n${USAGE}`);
        return 2;
      }
    }
  }
  const names = argv.slice(i);
  for (const n of names) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(n)) {
      err(`bash: read: \`${n}': not a valid identifier\n`);
      return 1;
    }
  }
  let text = '';
  let ok = false;
  for (;;) {
    const l = input.readLine();
    if (!l) break;
    ok = l.terminated;
    if (!raw && /(^|[^\\])(\\\\)*\\$/.test(l.line) && l.terminated) {
      text += l.line.slice(0, -1);
      continue;
    }
    text += l.line;
    break;
  }
  if (!raw) text = text.replace(/\\(.)/g, '$1');
  if (!names.length) {
    set('REPLY', text);
    return ok ? 0 : 1;
  }
  let rest = text.replace(/^[ \t\n]+/, '');
  names.forEach((n, k) => {
    if (k === names.length - 1) {
      set(n, rest.replace(/[ \t\n]+$/, ''));
      return;
    }
    const m = /^([^ \t\n]*)[ \t\n]*/.exec(rest)!;
    set(n, m[1]);
    rest = rest.slice(m[0].length);
  });
  return ok ? 0 : 1;
}
