// The direct-lvm scenarios replay as lessons: front matter and steps, no unknown command, the figures they exist for.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Sandbox, parseScenario } from '../../workers/engine/sandbox';

const names = ['direct-lvm-manual', 'direct-lvm-by-docker', 'monitoring', 'resize-direct-lvm', 'reboot', 'fill-the-pool'];

/** Replays a scenario; returns its transcript as the CLI prints it. */
function replay(name: string): { text: string; steps: number; title?: string } {
  const script = readFileSync(`scenarios/${name}.sh`, 'utf8');
  const sc = parseScenario(script);
  const r = new Sandbox().run(script);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return { text: r.entries.map((e) => `$ ${e.command}\n${e.output}`).join(''), steps: sc.steps.length, title: sc.title };
}

describe('direct-lvm scenarios', () => {
  const runs = Object.fromEntries(names.map((n) => [n, replay(n)]));

  for (const n of names) {
    it(`${n} has a title and steps, and every command is known to the sandbox`, () => {
      expect(runs[n].title).toBeTruthy();
      expect(runs[n].steps).toBeGreaterThan(2);
      expect(runs[n].text).not.toMatch(/internal error|command not found|invalid option/);
    });
  }

  it('direct-lvm-manual ends with the docker info of seed step 15', () => {
    for (const line of [' Pool Blocksize: 524.3 kB', ' Data Space Used: 19.92 MB', ' Data Space Total: 102 GB', ' Metadata Space Used: 147.5 kB', ' Thin Pool Minimum Free Space: 10.2 GB'])
      expect(runs['direct-lvm-manual'].text).toContain(`${line}\n`);
  });

  it('direct-lvm-by-docker shows the /dev/xdf refusal, the built pool and the refused change', () => {
    const t = runs['direct-lvm-by-docker'].text;
    expect(t).toContain('/dev/xdf is not available for use with devicemapper');
    expect(t).toContain(' Data Space Total: 102GB\n');
    expect(t).toContain('changing direct-lvm config is not supported');
  });

  it('resize-direct-lvm shows 24319 to 50688 extents and 212.6 GB', () => {
    const t = runs['resize-direct-lvm'].text;
    expect(t).toContain('from 95.00 GiB (24319 extents) to 198.00 GiB (50688 extents).');
    expect(t).toContain(' Data Space Total: 212.6 GB\n');
  });

  it('monitoring shows the failed and the successful autoextend', () => {
    const t = runs.monitoring.text;
    expect(t).toContain('Insufficient free space: 4864 extents needed, but only 770 available');
    expect(t).toContain('from 95.00 GiB (24319 extents) to 114.00 GiB (29183 extents).');
    expect(t).toContain('less than minimum required 19455 free data blocks');
  });

  it('reboot shows Non existing device, then the container file after lvchange -ay', () => {
    const t = runs.reboot.text;
    expect(t).toContain('devicemapper: Non existing device docker-thinpool');
    expect(t).toContain('$ docker exec web cat /greeting\nhello\n');
  });

  it('fill-the-pool shows health D, 0 B available and the write failing', () => {
    const t = runs['fill-the-pool'].text;
    expect(t).toMatch(/thinpool docker twi-aot-D- 5\.00g +100\.00/);
    expect(t).toContain(' Data Space Available: 0 B\n');
    expect(t).toContain("dd: error writing '/fill': Input/output error");
  });
});
