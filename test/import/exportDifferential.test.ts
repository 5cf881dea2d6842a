// Pools built by replaying the scenario library, exported as the app's Export button does: the real thin_restore
// accepts the XML, thin_check passes it, and the real thin_dump gives back our bytes.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../../workers/engine/sandbox';
import { createFileTransfer } from '../../workers/engine/thintools/commands/fileTransfer';
import { requireToolsInCi, runTool, Scratch } from '../thintools/realTools';

const present = requireToolsInCi();
const scenarios = readdirSync('scenarios').filter((f) => f.endsWith('.sh')).sort();

/** Replays a scenario and exports every pool it leaves, as the app would. */
function exported(file: string): { pool: string; xml: string }[] {
  const sandbox = new Sandbox();
  const r = sandbox.run(readFileSync(`scenarios/${file}`, 'utf8'));
  if (!r.ok) throw new Error(`${file}: ${r.error.message}`);
  const files = createFileTransfer(() => sandbox);
  return sandbox.machine.dm.pools().map(([name]) => {
    const x = files.exportPool(name);
    if (!x.ok) throw new Error('error' in x ? x.error : x.internal);
    return { pool: name, xml: x.xml };
  });
}

describe.skipIf(!present)('exports of replayed scenarios against thin-provisioning-tools 0.9.0', () => {
  const scratch = present ? new Scratch() : undefined;
  afterAll(() => scratch?.cleanup());

  it('the scenario library leaves at least one pool to export', () => {
    expect(scenarios.flatMap(exported).length).toBeGreaterThan(0);
  });

  for (const file of scenarios) {
    it(`${file}: every pool it leaves exports to XML that thin_restore takes, thin_check passes and thin_dump returns unchanged`, () => {
      for (const [i, { pool, xml }] of exported(file).entries()) {
        const { meta, run } = scratch!.restore(xml, 64 << 20, `${file}-${i}`);
        expect([pool, run]).toEqual([pool, { stdout: '', stderr: '', status: 0 }]);
        const check = runTool('thin_check', [meta]);
        expect([pool, check.status, check.stderr]).toEqual([
          pool,
          0,
          'examining superblock\nexamining devices tree\nexamining mapping tree\nchecking space map counts\n',
        ]);
        expect(runTool('thin_dump', [meta]).stdout).toBe(xml);
      }
    });
  }
});
