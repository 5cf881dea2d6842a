import { describe, expect, it } from 'vitest';
import { Sandbox } from '../sandbox';
import { ShellRandom, trimPattern } from './params';

/** Output and status of the last command of a script. */
function last(script: string) {
  const r = new Sandbox().run(script);
  if (!r.ok) throw new Error(r.error.message);
  const e = r.entries[r.entries.length - 1];
  return { output: e.output, status: e.status };
}

describe('parameter expansion', () => {
  it('${VAR:-x} gives x for an unset or empty variable, the value otherwise', () => {
    expect(last('E=; S=v; echo ${U:-x} ${E:-x} ${S:-x}').output).toBe('x x v\n');
  });
  it('${VAR-x} without the colon keeps an empty value', () => {
    expect(last('E=; echo "[${E-x}]" "[${U-x}]"').output).toBe('[] [x]\n');
  });
  it('${VAR:=x} assigns the default', () => {
    expect(last('echo ${Y:=yy}; echo $Y').output).toBe('yy\nyy\n');
  });
  it('${VAR:+x} gives x only when the variable is set and not empty', () => {
    expect(last('S=v; echo "[${S:+alt}]" "[${U:+alt}]"').output).toBe('[alt] []\n');
  });
  it('${VAR:?msg} prints the message and aborts the command with status 1', () => {
    expect(last('echo ${Z:?must be set}')).toEqual({ output: 'bash: Z: must be set\n', status: 1 });
  });
  it('${VAR:?} without a message uses bash\'s default text', () => {
    expect(last('echo ${Z:?}').output).toBe('bash: Z: parameter null or not set\n');
  });
  it('${#VAR} is the length in characters', () => {
    expect(last('X=abc.tar.gz; echo ${#X} ${#U}').output).toBe('10 0\n');
  });
  it('# ## % %% remove the shortest and longest prefix and suffix', () => {
    expect(last('x=abc.tar.gz; echo ${x%.*} ${x%%.*} ${x#*.} ${x##*.}').output).toBe('abc.tar abc tar.gz gz\n');
  });
  it('${path##*/} keeps the last path component', () => {
    expect(last('p=/var/lib/docker/devicemapper; echo ${p##*/} ${p%/*}').output).toBe('devicemapper /var/lib/docker\n');
  });
  it('a quoted default keeps its blanks as one word', () => {
    expect(last('printf "[%s]\\n" "${U:-a  b}"').output).toBe('[a  b]\n');
  });
  it('an unquoted default is split into words', () => {
    expect(last('printf "[%s]\\n" ${U:-a b}').output).toBe('[a]\n[b]\n');
  });
  it('$# is 0 and $$ is a fixed pid', () => {
    expect(last('echo $# $$').output).toBe('0 4242\n');
  });
  it('$RANDOM follows bash 4.2 after RANDOM=1', () => {
    // rseed = rseed * 1103515245 + 12345; value = (rseed >> 16) & 32767
    expect(last('RANDOM=1; echo $RANDOM $RANDOM').output).toBe('16838 5758\n');
  });
  it('$RANDOM is the same in two fresh sandboxes', () => {
    expect(last('echo $RANDOM $RANDOM').output).toBe(last('echo $RANDOM $RANDOM').output);
  });
});

describe('trimPattern', () => {
  it('treats * as matching slashes too', () => {
    expect(trimPattern('/a/b/c', '#', '*/')).toBe('a/b/c');
  });
  it('leaves the value alone when nothing matches', () => {
    expect(trimPattern('abc', '%', '.x')).toBe('abc');
  });
  it('matches character classes and escaped characters literally', () => {
    expect([trimPattern('file1', '%', '[0-9]'), trimPattern('a*b', '#', 'a\\*')]).toEqual(['file', 'b']);
  });
});

describe('ShellRandom', () => {
  it('never repeats the previous value', () => {
    const r = new ShellRandom(7);
    let prev = r.next();
    for (let i = 0; i < 1000; i++) {
      const v = r.next();
      expect(v).not.toBe(prev);
      prev = v;
    }
  });
});
