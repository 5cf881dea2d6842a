// Streaming a thin_dump XML into the host and exporting pools: what the app's import and export buttons rely on.
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../../sandbox';
import { parseThinDumpXml } from '../parseThinDumpXml';
import { createFileTransfer } from './fileTransfer';

const xml =
  '<superblock uuid="" time="3" transaction="4" flags="0" version="2" data_block_size="128" nr_data_blocks="1024">\n' +
  '  <device dev_id="1" mapped_blocks="12" transaction="0" creation_time="0" snap_time="1">\n' +
  '    <range_mapping origin_begin="0" data_begin="0" length="10" time="0"/>\n' +
  '    <range_mapping origin_begin="20" data_begin="100" length="2" time="1"/>\n' +
  '  </device>\n</superblock>\n';

function setup() {
  let sandbox = new Sandbox();
  const files = createFileTransfer(() => sandbox);
  return {
    files,
    get sandbox() {
      return sandbox;
    },
    reset() {
      sandbox = new Sandbox();
      files.replace(sandbox);
    },
  };
}

function upload(files: ReturnType<typeof createFileTransfer>, path: string, text: string, chunk = 7) {
  expect(files.putBegin(path)).toEqual({ ok: true });
  const reads: number[] = [];
  for (let i = 0; i < text.length; i += chunk) {
    const r = files.putChunk(text.slice(i, i + chunk));
    if (!r.ok) return r;
    reads.push(r.read);
  }
  return { end: files.putEnd(), reads };
}

describe('file transfer', () => {
  it('reports characters read after every chunk, ending at the file length', () => {
    const t = setup();
    const r = upload(t.files, '/root/pool.xml', xml, 50);
    expect('reads' in r && r.reads).toEqual([...Array(Math.ceil(xml.length / 50)).keys()].map((i) => Math.min((i + 1) * 50, xml.length)));
  });

  it('places the whole file once the last chunk is in', () => {
    const t = setup();
    const r = upload(t.files, '/root/pool.xml', xml);
    expect('end' in r && r.end).toEqual({ ok: true, path: '/root/pool.xml', bytes: xml.length });
    expect(t.sandbox.machine.host.vfs.readFile('/root/pool.xml')).toBe(xml);
  });

  it('creates the directories of the path', () => {
    const t = setup();
    upload(t.files, '/srv/dumps/pool.xml', xml);
    expect(t.sandbox.machine.host.vfs.readFile('/srv/dumps/pool.xml')).toBe(xml);
  });

  it('places nothing until the end', () => {
    const t = setup();
    t.files.putBegin('/root/pool.xml');
    t.files.putChunk(xml.slice(0, 40));
    expect(t.sandbox.machine.host.vfs.exists('/root/pool.xml')).toBe(false);
  });

  it('keeps an uploaded file across resets, so a replayed import finds it', () => {
    const t = setup();
    upload(t.files, '/root/pool.xml', xml);
    t.reset();
    const r = t.sandbox.run('sim import-pool /root/pool.xml');
    expect(r.ok && r.entries[0].status).toBe(0);
    expect(t.sandbox.machine.dm.poolOf('pool')?.nrDataBlocks).toBe(1024);
  });

  it('refuses a relative path', () => {
    expect(setup().files.putBegin('pool.xml')).toEqual({ ok: false, error: 'pool.xml: not an absolute file path\n', exitStatus: 1 });
  });

  it('refuses chunks and an end without a begin', () => {
    const t = setup();
    expect(t.files.putChunk('x')).toMatchObject({ ok: false });
    expect(t.files.putEnd()).toMatchObject({ ok: false });
  });

  it('refuses a file larger than the upload limit at the chunk that crosses it, and places nothing', () => {
    const sandbox = new Sandbox();
    const files = createFileTransfer(() => sandbox, 100);
    files.putBegin('/root/big.xml');
    expect(files.putChunk(xml.slice(0, 60))).toEqual({ ok: true, read: 60 });
    expect(files.putChunk(xml.slice(60, 120))).toEqual({ ok: false, error: '/root/big.xml: file too large (over 100 bytes)\n', exitStatus: 1 });
    expect(files.putEnd()).toMatchObject({ ok: false });
    expect(sandbox.machine.host.vfs.exists('/root/big.xml')).toBe(false);
  });

  it('exports the newest pool as thin_dump XML that imports back to the same metadata', () => {
    const t = setup();
    t.sandbox.putFile('/root/a.xml', xml);
    t.sandbox.putFile('/root/b.xml', xml.replace('time="3"', 'time="9"'));
    t.sandbox.run('sim import-pool /root/a.xml\nsim import-pool /root/b.xml');
    const r = t.files.exportPool();
    expect(r.ok && r.name).toBe('b');
    const back = r.ok ? parseThinDumpXml(r.xml) : undefined;
    expect(back?.ok && back.md.time).toBe(9);
    expect(back?.ok && [...back.md.devices[0].data]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 100, 101]);
  });

  it('exports a pool by name', () => {
    const t = setup();
    t.sandbox.putFile('/root/a.xml', xml);
    t.sandbox.run('sim import-pool /root/a.xml mine');
    const r = t.files.exportPool('mine');
    expect(r.ok && r.xml.split('\n')[0]).toBe(
      '<superblock uuid="" time="3" transaction="4" flags="0" version="2" data_block_size="128" nr_data_blocks="1024">',
    );
  });

  it('says so when there is no pool to export', () => {
    const t = setup();
    expect(t.files.exportPool()).toEqual({ ok: false, error: 'no thin pool to export\n', exitStatus: 1 });
    expect(t.files.exportPool('x')).toEqual({ ok: false, error: 'x: no such thin pool\n', exitStatus: 1 });
  });
});
