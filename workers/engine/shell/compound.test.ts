import { describe, expect, it } from 'vitest';
import { Sandbox } from '../sandbox';

/** Runs a script in a fresh sandbox and returns its transcript entries. */
function entries(script: string, sb = new Sandbox()) {
  const r = sb.run(script);
  if (!r.ok) throw new Error(`${r.error.line}:${r.error.col}: ${r.error.message}`);
  return r.entries;
}
/** Output and status of the last command of a script. */
function last(script: string, sb = new Sandbox()) {
  const e = entries(script, sb);
  return { output: e[e.length - 1].output, status: e[e.length - 1].status };
}

describe('compound commands', () => {
  it('for runs the body once per word of a command substitution', () => {
    expect(last('for i in $(seq 1 3); do echo "n=$i"; done').output).toBe('n=1\nn=2\nn=3\n');
  });
  it('a loop written over several lines is one transcript entry with all its lines', () => {
    const e = entries('for f in a b\ndo\n  echo $f\ndone\necho after');
    expect(e.map((x) => x.command)).toEqual(['for f in a b\ndo\n  echo $f\ndone', 'echo after']);
    expect(e[0].output).toBe('a\nb\n');
  });
  it('while loops until its condition fails, and the counter is kept after it', () => {
    expect(last('x=0; while [ $x -lt 3 ]; do x=$[x+1]; done; echo $x').output).toBe('3\n');
  });
  it('until loops while its condition fails', () => {
    expect(last('x=0; until [ $x -ge 2 ]; do echo $x; x=$((x+1)); done').output).toBe('0\n1\n');
  });
  it('if takes the first elif whose condition succeeds', () => {
    expect(last('if false; then echo a; elif true; then echo b; else echo c; fi').output).toBe('b\n');
  });
  it('if runs else when no condition succeeds, and its status is 0 when nothing ran', () => {
    expect(last('if false; then echo a; else echo c; fi').output).toBe('c\n');
    expect(last('false; if false; then echo a; fi').status).toBe(0);
  });
  it('a brace group sends all its output through one redirection', () => {
    expect(last('{ echo g1; echo g2; } > /tmp/g; cat /tmp/g').output).toBe('g1\ng2\n');
  });
  it('a subshell keeps its cd and variables to itself', () => {
    expect(last('(cd /tmp; X=5; pwd); echo "$PWD ${X:-unset}"').output).toBe('/tmp\n/root unset\n');
  });
  it('a loop at the end of a pipeline runs in a subshell: its variables do not leak', () => {
    expect(last('n=0; printf "a\\nb\\n" | while read l; do n=1; done; echo $n').output).toBe('0\n');
  });
  it('read splits each line of a pipe over its names, the last one taking the rest', () => {
    expect(last("printf 'a b c\\nd e\\n' | while read x y; do echo \"[$x][$y]\"; done").output).toBe('[a][b c]\n[d][e]\n');
  });
  it('read returns 1 at end of input', () => {
    expect(last('read x < /dev/null; echo $?').output).toBe('1\n');
  });
  it('continue skips to the next iteration and break leaves the loop', () => {
    expect(last('for n in 1 2 3 4 5; do [ $n -eq 2 ] && continue; [ $n -eq 4 ] && break; echo $n; done').output).toBe('1\n3\n');
  });
  it('break 2 leaves two nested loops', () => {
    expect(last('for a in 1 2; do for b in x y; do echo $a$b; break 2; done; done').output).toBe('1x\n');
  });
  it('break outside a loop says so and succeeds, as bash does', () => {
    expect(last('break')).toEqual({ output: "bash: break: only meaningful in a `for', `while', or `until' loop\n", status: 0 });
  });
  it('break 0 is out of range', () => {
    expect(last('for i in 1; do break 0; done')).toEqual({ output: 'bash: break: 0: loop count out of range\n', status: 1 });
  });
  it('while true ends at the sandbox limit with a message and status 1, and the next command runs', () => {
    const e = entries('while true; do :; done\necho next');
    expect(e[0]).toMatchObject({ output: 'bash: loop stopped after 10000 iterations (sandbox limit)\n', status: 1 });
    expect(e[1].output).toBe('next\n');
  });
  it('nested endless loops stop at the per-command budget', () => {
    const r = last('while true; do while true; do :; done 2>/dev/null; done; echo never');
    expect(r.status).toBe(1);
    expect(r.output).toContain('sandbox limit');
    expect(r.output).not.toContain('never');
  });
  it('a for loop over a bad name is refused when it runs', () => {
    expect(last('for 1 in a; do echo x; done')).toEqual({ output: "bash: `1': not a valid identifier\n", status: 1 });
  });
  it('a loop body that runs commands takes a simulated second per iteration', () => {
    const sb = new Sandbox();
    const before = sb.machine.clock.now;
    entries('for i in 1 2 3; do echo $i; done', sb);
    expect(sb.machine.clock.now - before).toBe(4);
  });
  it('pools are polled between iterations, so dmeventd sees each iteration', () => {
    const sb = new Sandbox();
    let polls = 0;
    const poll = sb.machine.lvm.poll.bind(sb.machine.lvm);
    sb.machine.lvm.poll = () => {
      polls++;
      poll();
    };
    entries('for i in 1 2 3; do echo $i; done', sb);
    expect(polls).toBe(4);
  });
  it('each iteration of a docker loop creates its container in order', () => {
    const sb = new Sandbox();
    entries("systemctl stop docker\ncat > /etc/docker/daemon.json <<'J'\n{ \"storage-driver\": \"devicemapper\" }\nJ\nsystemctl start docker\ndocker pull busybox", sb);
    const r = last('for i in $(seq 1 3); do docker run -d --name c$i busybox sleep 3600 > /dev/null; done; docker ps -a | awk \'NR > 1 { print $NF }\'', sb);
    expect(r.output).toBe('c3\nc2\nc1\n');
  });
});

describe('type', () => {
  it('names break, read and test as shell builtins', () => {
    expect(last('type break read test [').output).toBe('break is a shell builtin\nread is a shell builtin\ntest is a shell builtin\n[ is a shell builtin\n');
  });
});
