import { describe, expect, it } from 'vitest';
import { Sandbox } from '../sandbox';
import { createSandboxApi } from './sandboxApi';
import { machineView } from './machineView';
import { ManualTimers } from './checkpointsManualTimers';
import { longSession } from './checkpointsSession';

// The view with its block arrays reduced to a digest: equal views stay equal, and comparing 1.6 M entries
// element by element in the matcher would take minutes.
function comparable(view: unknown): unknown {
  return JSON.parse(
    JSON.stringify(view, (_, v) => {
      if (!ArrayBuffer.isView(v)) return v;
      const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
      let h = 0x811c9dc5;
      for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
      return `${v.constructor.name}[${bytes.length}]#${(h >>> 0).toString(16)}`;
    }),
  );
}

// What the UI shows after a fresh machine replays the first `k` commands: the transcript and the view state.
function fullReplay(k: number) {
  const s = new Sandbox();
  const r = k ? s.run(longSession.slice(0, k).join('\n')) : { ok: true as const, entries: [] };
  return { entries: r.ok ? r.entries : [], view: comparable(machineView(s.machine, true)) };
}

// The UI's step back: a reset, then the prefix replayed as one script.
function stepBack(api: ReturnType<typeof createSandboxApi>, k: number) {
  api.reset();
  const r = k ? api.run(longSession.slice(0, k).join('\n')) : { ok: true as const, entries: [] };
  if (!r.ok) throw new Error('replay failed');
  return { entries: r.entries, view: comparable(api.viewState(true)) };
}

describe('stepping back through checkpoints', () => {
  it('gives every step, walked back one at a time, the transcript and view of a fresh full replay', () => {
    const timers = new ManualTimers();
    const api = createSandboxApi({ timers });
    api.reset();
    api.run(longSession.join('\n'));
    for (let k = longSession.length - 1; k >= 1; k--) {
      timers.flush();
      // The step just behind is always prebuilt, so each of these replays starts from a checkpoint.
      expect(api.checkpointInfo().kept).toContain(k);
      const got = stepBack(api, k);
      expect(api.checkpointInfo().kept).not.toContain(k);
      const want = fullReplay(k);
      expect(got.entries).toEqual(want.entries);
      expect(got.view).toEqual(want.view);
    }
  });

  it('gives every step, jumped to straight from the end, the transcript and view of a fresh full replay', () => {
    const timers = new ManualTimers();
    const api = createSandboxApi({ timers });
    const n = longSession.length;
    for (const k of [n - 1, n - 3, n - 5, n - 9, n - 13, n - 17, n - 20, 2]) {
      api.reset();
      api.run(longSession.join('\n'));
      timers.flush();
      const got = stepBack(api, k);
      const want = fullReplay(k);
      expect(got.entries).toEqual(want.entries);
      expect(got.view).toEqual(want.view);
    }
  });

  it('continues the timeline from a checkpoint with the step numbers of a full replay', () => {
    const timers = new ManualTimers();
    const api = createSandboxApi({ timers });
    api.reset();
    api.run(longSession.slice(0, 12).join('\n'));
    timers.flush();
    stepBack(api, 11);
    const next = api.run(longSession[11]);
    expect(next.ok && next.entries.map((e) => e.step)).toEqual([11]);
    expect(next.ok && next.entries[0].output).toBe(fullReplay(12).entries[11].output);
  });

  it('builds nothing while calls keep coming, and builds once the worker is quiet', () => {
    const timers = new ManualTimers();
    const api = createSandboxApi({ timers });
    api.reset();
    api.run(longSession.slice(0, 6).join('\n'));
    api.viewState(false);
    expect(timers.delays()).toEqual([40]);
    expect(api.checkpointInfo().kept).toEqual([]);
    timers.flush();
    expect(api.checkpointInfo().kept).toEqual([2, 4, 5]);
  });

  it('drops the checkpoints when a file is brought in, since a reset now places that file', () => {
    const timers = new ManualTimers();
    const api = createSandboxApi({ timers });
    api.reset();
    api.run('touch /a\ntouch /b\ntouch /c');
    timers.flush();
    expect(api.checkpointInfo().kept).toEqual([1, 2]);
    const xml =
      '<superblock uuid="" time="0" transaction="1" flags="0" version="2" data_block_size="128" nr_data_blocks="100">\n</superblock>\n';
    api.putBegin('/root/pool.xml');
    api.putChunk(xml);
    expect(api.putEnd()).toMatchObject({ ok: true });
    expect(api.checkpointInfo().kept).toEqual([]);
    api.reset();
    const r = api.run('touch /a\ntouch /b\nls /root');
    expect(r.ok && r.entries[2].output).toBe('pool.xml\n');
  });

  it('replays in full after a reset to another host profile', () => {
    const timers = new ManualTimers();
    const api = createSandboxApi({ timers });
    api.reset();
    api.run('touch /a\ntouch /b\ntouch /c');
    timers.flush();
    api.reset({ cpus: 8 });
    api.run('touch /a\ntouch /b');
    expect(api.checkpointInfo().kept).toEqual([1, 2]);
  });
});
