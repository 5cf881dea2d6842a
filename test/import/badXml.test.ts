// Bad thin_dump XML given to `sim import-pool` or streamed in by the app: the real thin_restore's message and exit
// status, and a host left exactly as it was.
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../../workers/engine/sandbox';
import { createSandboxApi } from '../../workers/engine/view/sandboxApi';

const head =
  '<superblock uuid="" time="2" transaction="3" flags="0" version="2" data_block_size="128" nr_data_blocks="1024">\n' +
  '  <device dev_id="1" mapped_blocks="10" transaction="0" creation_time="0" snap_time="1">\n';
const tail = '  </device>\n</superblock>\n';
const good = head + '    <range_mapping origin_begin="0" data_begin="0" length="10" time="0"/>\n' + tail;

const bad: [string, string, string][] = [
  ['an unknown tag', head + '    <bogus/>\n' + tail, 'unknown tag type\n'],
  ['a mapping past the data device', head + '    <single_mapping origin_block="0" data_block="1024" time="0"/>\n' + tail, 'mapping beyond end of data device (1024 >= 1024)\n'],
  ['a number too big for its field', head + '    <single_mapping origin_block="99999999999999999999" data_block="0" time="0"/>\n' + tail, 'bad lexical cast: source type value could not be interpreted as target\n'],
  ['a truncated file', good.slice(0, good.indexOf('<range_mapping') + 20), 'Parse error at line 3:\nunclosed token\n\n'],
  ['text that is not XML', 'hello world\n', 'Parse error at line 1:\nsyntax error\n\n'],
  ['an empty file', '', 'Parse error at line 1:\nno element found\n\n'],
];

// Everything a user could look at to see a change.
const probe = ['ls -la /root', 'dmsetup ls', 'losetup -a', 'lsblk', 'df'];
function fingerprint(sandbox: Sandbox): string {
  const r = sandbox.run(probe.join('\n'));
  if (!r.ok) throw new Error(r.error.message);
  return r.entries.map((e) => e.output).join('') + JSON.stringify(sandbox.machine.dm.pools().map(([n]) => n));
}

describe('bad thin_dump XML changes nothing', () => {
  for (const [what, xml, message] of bad) {
    it(`sim import-pool refuses ${what} with thin_restore's message and status 1`, () => {
      const sandbox = new Sandbox();
      sandbox.putFile('/root/pool.xml', xml);
      const before = fingerprint(sandbox);
      const r = sandbox.run('sim import-pool /root/pool.xml');
      expect(r.ok && r.entries[0]).toMatchObject({ output: message, status: 1 });
      expect(fingerprint(sandbox)).toBe(before);
    });

    it(`a streamed upload of ${what} is refused with the same message and places no file`, () => {
      const api = createSandboxApi();
      const ls = () => {
        const r = api.run('ls /root');
        return r.ok ? r.entries[0].output : '';
      };
      const before = ls();
      expect(api.putBegin('/root/pool.xml')).toEqual({ ok: true });
      let answer = null as unknown;
      for (let i = 0; i < xml.length || i === 0; i += 16) {
        answer = api.putChunk(xml.slice(i, i + 16));
        if (!(answer as { ok: boolean }).ok) break;
      }
      if ((answer as { ok: boolean }).ok) answer = api.putEnd();
      expect(answer).toEqual({ ok: false, error: message, exitStatus: 1 });
      expect(api.putEnd()).toMatchObject({ ok: false });
      expect(ls()).toBe(before);
    });
  }

  it('an entity-expansion bomb is refused at once, without expanding it', () => {
    const sandbox = new Sandbox();
    const bomb = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n' + good.replace('uuid=""', 'uuid="&c;"');
    sandbox.putFile('/root/pool.xml', bomb);
    const before = fingerprint(sandbox);
    const r = sandbox.run('sim import-pool /root/pool.xml');
    expect(r.ok && r.entries[0].status).toBe(1);
    expect(r.ok && r.entries[0].output).toMatch(/^Parse error at line 1:\n/);
    expect(fingerprint(sandbox)).toBe(before);
  });
});
