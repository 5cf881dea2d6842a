// Import of thin_dump XML: streaming across chunk boundaries, limits, hostile input.
import { describe, expect, it } from 'vitest';
import { parseThinDumpXml } from './parseThinDumpXml';
import { thinDumpXml } from './thinDumpXml';

const xml = `<superblock uuid="" time="2" transaction="3" flags="0" version="2" data_block_size="128" nr_data_blocks="1024">
  <device dev_id="1" mapped_blocks="10" transaction="0" creation_time="0" snap_time="1">
    <range_mapping origin_begin="0" data_begin="0" length="10" time="0"/>
  </device>
  <device dev_id="2" mapped_blocks="2" transaction="1" creation_time="1" snap_time="2">
    <single_mapping origin_block="20" data_block="12" time="1"/>
    <single_mapping origin_block="22" data_block="13" time="1"/>
  </device>
</superblock>
`;

describe('parseThinDumpXml', () => {
  it('gives the same metadata whatever the chunk boundaries', () => {
    const whole = parseThinDumpXml(xml);
    for (const size of [1, 3, 7, 64]) {
      const chunks: string[] = [];
      for (let i = 0; i < xml.length; i += size) chunks.push(xml.slice(i, i + size));
      const r = parseThinDumpXml(chunks);
      expect(r.ok && thinDumpXml(r.md)).toBe(whole.ok && thinDumpXml(whole.md));
    }
  });

  it('reports progress in characters read', () => {
    const seen: number[] = [];
    parseThinDumpXml([xml.slice(0, 100), xml.slice(100)], { onProgress: (n) => seen.push(n) });
    expect(seen).toEqual([100, xml.length]);
  });

  it('refuses a DOCTYPE instead of expanding entities', () => {
    const bomb = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' + xml;
    const r = parseThinDumpXml(bomb);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^Parse error at line 1:\nDOCTYPE is not allowed/);
  });

  it('stops at the mapping limit instead of exhausting memory', () => {
    const huge = xml.replace('length="10"', 'length="4000000000"').replace('nr_data_blocks="1024"', 'nr_data_blocks="9000000000"');
    const r = parseThinDumpXml(huge, { limits: { maxMappings: 1000 } });
    expect(r).toMatchObject({ ok: false, error: 'too many mappings for the sandbox (limit 1000)\n' });
  });

  it('reports a truncated file as expat does, with its line', () => {
    const r = parseThinDumpXml(xml.slice(0, xml.indexOf('<single_mapping') + 20));
    expect(r).toMatchObject({ ok: false, error: 'Parse error at line 6:\nunclosed token\n\n', line: 6 });
  });

  it('recounts mapped_blocks as thin_restore does', () => {
    const r = parseThinDumpXml(xml.replace('mapped_blocks="2"', 'mapped_blocks="99"'));
    expect(r.ok && r.md.devices[1].mappedBlocks).toBe(2);
  });
});
