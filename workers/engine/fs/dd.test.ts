import { describe, expect, it } from 'vitest';
import { ddToFilesystem, parseDdNumber, parseDdOperands } from './dd';
import { FakePool, FakeThin } from './fakeThin';
import { mkfs } from './mkfs';

const fresh = () => {
  const pool = new FakePool(65536);
  const dev = new FakeThin(pool, 10 * 1024 ** 3);
  const r = mkfs('xfs', dev);
  if (!r.ok) throw new Error();
  return { pool, fs: r.fs };
};

describe('dd operands', () => {
  it.each([
    ['64k', 65536],
    ['64K', 65536],
    ['1M', 1048576],
    ['1MB', 1000000],
    ['2b', 1024],
    ['10', 10],
  ])('reads %s as %d bytes', (s, n) => expect(parseDdNumber(s)).toBe(n));
  it('rejects a bad number and an unknown operand in coreutils words', () => {
    expect(parseDdOperands(['bs=64x'])).toEqual({ ok: false, error: "invalid number: '64x'" });
    expect(parseDdOperands(['foo'])).toEqual({ ok: false, error: "unrecognized operand 'foo'" });
  });
});

describe('dd into a filesystem', () => {
  it('writes bs × count bytes at seek × bs and counts the records', () => {
    const { fs } = fresh();
    const p = parseDdOperands(['if=/dev/zero', 'of=/f', 'bs=64k', 'count=10']);
    if (!p.ok) throw new Error();
    expect(ddToFilesystem(fs, p.op)).toEqual({ full: 10, partial: 0, bytes: 655360 });
    expect(fs.stat('/f')?.size).toBe(655360);
  });
  it('keeps the rest of the file with conv=notrunc and cuts it without', () => {
    const { fs } = fresh();
    const big = parseDdOperands(['of=/f', 'bs=64k', 'count=10']);
    const one = parseDdOperands(['of=/f', 'bs=64k', 'count=1', 'seek=2', 'conv=notrunc']);
    const cut = parseDdOperands(['of=/f', 'bs=64k', 'count=1', 'seek=2']);
    if (!big.ok || !one.ok || !cut.ok) throw new Error();
    ddToFilesystem(fs, big.op);
    ddToFilesystem(fs, one.op);
    expect(fs.stat('/f')?.size).toBe(655360);
    ddToFilesystem(fs, cut.op);
    expect(fs.stat('/f')?.size).toBe(3 * 65536);
  });
  it('fills the filesystem without count and stops with ENOSPC', () => {
    const { fs } = fresh();
    const p = parseDdOperands(['if=/dev/zero', 'of=/fill', 'bs=1M']);
    if (!p.ok) throw new Error();
    const r = ddToFilesystem(fs, p.op);
    expect(r.errno).toBe('ENOSPC');
    expect(fs.statfs().bavail).toBe(0);
    expect(r.bytes).toBe(fs.stat('/fill')?.size);
  });
});
