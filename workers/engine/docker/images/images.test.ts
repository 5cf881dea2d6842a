import { describe, expect, it } from 'vitest';
import { catalog } from './catalog';
import { contentHash } from './contentHash';
import { findImage, parseImageRef } from './reference';
import { manifestNotFound, pullLines, repositoryNotFound } from './pull';
import { imageSizeText } from './sizes';
import { FakePool, FakeThin } from '../../fs/fakeThin';
import { mkfs } from '../../fs/mkfs';
import { applyLayer } from '../../fs/layerApply';

const V17 = '17.03.1-ce';
const img = (ref: string) => {
  const r = parseImageRef(ref);
  const i = r && findImage(r);
  if (!i) throw new Error(ref);
  return i;
};

describe('content hash', () => {
  it('gives 64 hex digits, stable for the same text and different for other text', () => {
    expect(contentHash('a')).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash('a')).toBe(contentHash('a'));
    expect(contentHash('a')).not.toBe(contentHash('b'));
  });
});

describe('catalog', () => {
  it('has stable image ids', () => {
    expect(img('busybox').id).toBe(img('busybox:latest').id);
    expect(img('busybox').id).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(catalog.map((i) => i.id)).size).toBe(6);
  });
  it('gives each tag of one image the same id', () => {
    expect(img('ubuntu:16.04').id).toBe(img('ubuntu:latest').id);
    expect(img('alpine:3.5').id).toBe(img('alpine').id);
  });
  it('shares the debian:jessie layer as the bottom of nginx', () => {
    expect(img('nginx').layers[0].diffId).toBe(img('debian:jessie').layers[0].diffId);
  });
  it('prints image sizes as docker images does in 17.03 and 17.06', () => {
    expect(imageSizeText(img('busybox').size, V17)).toBe('1.11 MB');
    expect(imageSizeText(img('busybox').size, '17.06.0-ce')).toBe('1.11MB');
    expect(imageSizeText(img('alpine').size, V17)).toBe('3.99 MB');
    expect(imageSizeText(img('ubuntu').size, V17)).toBe('129 MB');
    expect(imageSizeText(img('debian:jessie').size, V17)).toBe('123 MB');
    expect(imageSizeText(img('nginx').size, V17)).toBe('182 MB');
    expect(imageSizeText(img('centos:7').size, V17)).toBe('192 MB');
  });
  it('gives ubuntu:16.04 five layers, one of which removes files', () => {
    const u = img('ubuntu:16.04');
    expect(u.layers.length).toBe(5);
    expect(u.layers.some((l) => l.entries.some((e) => e.kind === 'whiteout'))).toBe(true);
  });
});

describe('references', () => {
  it('reads registry and library prefixes and default tags', () => {
    expect(parseImageRef('docker.io/library/busybox')).toEqual({ repository: 'busybox', tag: 'latest', defaultTag: true });
    expect(parseImageRef('ubuntu:16.04')).toEqual({ repository: 'ubuntu', tag: '16.04', defaultTag: false });
    expect(parseImageRef('Busybox')).toBeUndefined();
  });
});

describe('pull output', () => {
  it('prints the default-tag pull of busybox', () => {
    const i = img('busybox');
    const lines = pullLines(parseImageRef('busybox')!, i, { layers: new Set(), tagged: false });
    expect(lines).toEqual([
      'Using default tag: latest',
      'latest: Pulling from library/busybox',
      `${i.layers[0].blobDigest.slice(0, 12)}: Pull complete`,
      `Digest: sha256:${i.digest}`,
      'Status: Downloaded newer image for busybox:latest',
    ]);
  });
  it('marks layers already present as Already exists', () => {
    const n = img('nginx');
    const lines = pullLines(parseImageRef('nginx')!, n, { layers: new Set([n.layers[0].diffId]), tagged: false });
    expect(lines[2]).toBe(`${n.layers[0].blobDigest.slice(0, 12)}: Already exists`);
    expect(lines[3]).toMatch(/: Pull complete$/);
  });
  it('says the image is up to date when it is already tagged', () => {
    const lines = pullLines(parseImageRef('busybox')!, img('busybox'), { layers: new Set(), tagged: true });
    expect(lines.at(-1)).toBe('Status: Image is up to date for busybox:latest');
  });
  it('words missing repositories and tags per version', () => {
    expect(repositoryNotFound('nosuch', V17)).toBe('Error response from daemon: repository nosuch not found: does not exist or no pull access');
    expect(manifestNotFound('busybox', 'nosuch')).toBe('Error response from daemon: manifest for busybox:nosuch not found');
  });
});

describe('layers applied to a filesystem', () => {
  it('puts /bin/busybox into the fs of the layer device and costs about 1.1 MB of pool blocks', () => {
    const pool = new FakePool(65536);
    const base = new FakeThin(pool, 10 * 1024 ** 3);
    const made = mkfs('xfs', base);
    if (!made.ok) throw new Error();
    const dev = base.snapshot();
    const fs = made.fs.clone(dev);
    const before = pool.used;
    expect(applyLayer(fs, img('busybox').layers[0].entries).ok).toBe(true);
    expect(fs.stat('/bin/busybox')?.size).toBeGreaterThan(1_000_000);
    expect(fs.read('/etc/passwd')).toMatchObject({ ok: true });
    expect((pool.used - before) * 65536).toBeGreaterThan(1_100_000);
    expect((pool.used - before) * 65536).toBeLessThan(1_400_000);
  });
  it('removes whited-out files of a lower layer', () => {
    const pool = new FakePool(65536);
    const base = new FakeThin(pool, 10 * 1024 ** 3);
    const made = mkfs('xfs', base);
    if (!made.ok) throw new Error();
    const fs = made.fs;
    const u = img('ubuntu:16.04');
    applyLayer(fs, u.layers[0].entries);
    expect(fs.exists('/var/lib/apt/lists/lock')).toBe(true);
    applyLayer(fs, u.layers[2].entries);
    expect(fs.exists('/var/lib/apt/lists/lock')).toBe(false);
    applyLayer(fs, u.layers[3].entries);
    expect(fs.read('/etc/apt/sources.list')).toMatchObject({ text: expect.stringContaining('\ndeb http://archive.ubuntu.com/ubuntu/ xenial universe') });
  });
});
