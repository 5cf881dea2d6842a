import { describe, expect, it } from 'vitest';
import { Sandbox, type TranscriptEntry } from '../sandbox';
import { Checkpoints, runRest } from './checkpoints';

const touches = (n: number) => Array.from({ length: n }, (_, i) => `touch /f${i + 1}`);

// A store fed with a live session of `commands`, as the API feeds it.
function storeAfter(commands: string[], options = {}) {
  const made: Sandbox[] = [];
  const store = new Checkpoints((p) => {
    const s = new Sandbox(p);
    made.push(s);
    return s;
  }, options);
  store.reset({});
  const live = new Sandbox();
  const r = live.run(commands.join('\n'));
  if (!r.ok) throw new Error('bad script');
  store.ran(r.entries);
  return { store, made, entries: r.entries };
}

// The UI's replay of the first `k` commands, started from the store.
function replay(store: Checkpoints, commands: string[], k: number, script = commands.slice(0, k).join('\n')) {
  store.reset({});
  const resume = store.take(script);
  if (!resume) return undefined;
  return { from: resume.entries.length, entries: [...resume.entries, ...runRest(resume)], sandbox: resume.sandbox };
}

const commandsOf = (entries: TranscriptEntry[]) => entries.map((e) => e.command);

describe('checkpoints', () => {
  it('builds the exponentially spaced prefixes of the applied session', () => {
    const { store } = storeAfter(touches(20));
    store.drain();
    expect(store.info().kept).toEqual([4, 12, 16, 18, 19]);
  });

  it('builds nothing before anything was applied', () => {
    const store = new Checkpoints((p) => new Sandbox(p));
    expect(store.slice()).toBe(false);
    expect(store.info()).toEqual({ kept: [], building: null, applied: 0 });
  });

  it('runs about one slice of time per call: one command when each command takes the whole slice', () => {
    let t = 0;
    const { store } = storeAfter(touches(6), { sliceMs: 1, now: () => t++ });
    expect(store.slice()).toBe(true);
    expect(store.info()).toMatchObject({ kept: [], building: 5 });
  });

  it('replays the session command for command on its own machine', () => {
    const { store, entries } = storeAfter(touches(4));
    store.drain();
    const r = replay(store, touches(4), 3);
    expect(r?.from).toBe(3);
    expect(r?.entries).toEqual(entries.slice(0, 3));
    expect(r?.sandbox.machine.host.vfs.exists('/f3')).toBe(true);
    expect(r?.sandbox.machine.host.vfs.exists('/f4')).toBe(false);
  });

  it('takes the longest checkpoint the script starts with and runs the rest with the following step numbers', () => {
    const { store } = storeAfter(touches(20));
    store.drain();
    const r = replay(store, touches(20), 14);
    expect(r?.from).toBe(12);
    expect(r?.entries.map((e) => e.step)).toEqual([...Array(14).keys()]);
    expect(commandsOf(r!.entries)).toEqual(touches(14));
  });

  it('hands a checkpoint out once, since its machine goes on changing', () => {
    const { store } = storeAfter(touches(5));
    store.drain();
    expect(replay(store, touches(5), 4)?.from).toBe(4);
    expect(store.info().kept).toEqual([1, 3]);
    expect(replay(store, touches(5), 4)?.from).toBe(3);
  });

  it('takes only a checkpoint whose text the script starts with, up to a command boundary', () => {
    const from = (script: string) => {
      const { store } = storeAfter(touches(5));
      store.drain();
      return replay(store, touches(5), 4, script)?.from;
    };
    // A blank line inside the prefix of 3 would shift line numbers: only the prefix of 1 is the same text.
    expect(from('touch /f1\ntouch /f2\n\ntouch /f3\ntouch /f4')).toBe(1);
    expect(from('touch /f1\ntouch /g\ntouch /f3\ntouch /f4')).toBe(1);
    expect(from('touch /f1 /f2')).toBeUndefined();
  });

  it('takes none for a script that does not parse', () => {
    const { store } = storeAfter(touches(5));
    store.drain();
    expect(replay(store, touches(5), 4, 'touch /f1\ntouch /f2\ntouch /f3\nif true')).toBeUndefined();
    expect(store.info().kept).toEqual([1, 3, 4]);
  });

  it('takes none of another host profile', () => {
    const { store } = storeAfter(touches(4));
    store.drain();
    store.reset({ cpus: 4 });
    expect(store.take(touches(3).join('\n'))).toBeUndefined();
  });

  it('stops running the rest after an exit inside the prefix, as one script would', () => {
    const commands = ['echo a', 'exit 3', 'echo b'];
    const store = new Checkpoints((p) => new Sandbox(p));
    store.reset({});
    // The live shell ran them in two scripts, so it went on after the exit.
    const live = new Sandbox();
    for (const c of ['echo a\nexit 3', 'echo b']) {
      const r = live.run(c);
      if (r.ok) store.ran(r.entries);
    }
    store.drain();
    const r = replay(store, commands, 3);
    const full = new Sandbox().run(commands.join('\n'));
    expect(r?.entries).toEqual(full.ok && full.entries);
    expect(r?.entries.map((e) => e.command)).toEqual(['echo a', 'exit 3']);
  });

  it('keeps at most the limit while stepping back one at a time', () => {
    const { store } = storeAfter(touches(40), { max: 3 });
    for (let k = 39; k > 30; k--) {
      store.drain();
      expect(store.info().kept.length).toBeLessThanOrEqual(3);
      const r = replay(store, touches(40), k);
      expect(r?.from).toBe(k);
      // As the API does: what the replay ran is the session applied now.
      store.ran(r!.entries);
    }
  });

  it('keeps its checkpoints through a reset with nothing applied yet (the replay comes next)', () => {
    const { store } = storeAfter(touches(5));
    store.drain();
    store.reset({});
    store.slice();
    expect(store.info().kept).toEqual([1, 3, 4]);
  });

  it('drops checkpoints the applied session no longer starts with', () => {
    const { store } = storeAfter(touches(5));
    store.drain();
    store.reset({});
    store.ran([
      { command: 'touch /f1', output: '', status: 0, step: 0 },
      { command: 'touch /x', output: '', status: 0, step: 1 },
    ]);
    store.slice();
    expect(store.info().kept).toEqual([1]);
  });

  it('skips a prefix whose replay fails inside the engine, without throwing to the caller', () => {
    const store = new Checkpoints(() => {
      throw new Error('engine bug');
    });
    store.reset({});
    store.ran(touches(3).map((command, step) => ({ command, step, output: '', status: 0 })));
    expect(store.slice()).toBe(false);
    expect(store.info()).toMatchObject({ kept: [], building: null });
  });

  it('drops everything on clear', () => {
    const { store } = storeAfter(touches(4));
    store.drain();
    store.clear();
    expect(store.info().kept).toEqual([]);
  });
});
