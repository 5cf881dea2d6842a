import { describe, expect, it } from 'vitest';
import { embedOptions, scenarioTitle } from './options';

describe('embed options', () => {
  it('reads scenario, view, terminal, theme and height from the query', () => {
    const o = embedOptions('?scenario=read-0x44f&view=tree&terminal=0&theme=dark&height=500&id=f1', '');
    expect(o).toMatchObject({ scenario: 'read-0x44f', view: 'tree', terminal: false, theme: 'dark', height: 500, id: 'f1' });
  });

  it('defaults to the terminal shown, no tabs, the page theme and click-to-start', () => {
    expect(embedOptions('', '')).toMatchObject({ scenario: null, terminal: true, tabs: false, theme: 'auto', autostart: false, height: 380 });
  });

  it('refuses scenario names that are paths and heights out of range', () => {
    const o = embedOptions('?scenario=../etc/passwd&height=99999', '');
    expect(o.scenario).toBeNull();
    expect(o.height).toBe(380);
  });

  it('takes a plain script from #src=', () => {
    expect(embedOptions('', '#src=' + encodeURIComponent('docker info\nsim read web 0x44f')).source).toBe('docker info\nsim read web 0x44f');
    expect(embedOptions('', '#src=%E0%A4%A').source).toBeNull();
  });

  it('titles a scenario in the language asked, else in English', () => {
    const s = '# title: Reading block 0x44f\n# title.zh-CN: 读取块 0x44f\nls';
    expect(scenarioTitle(s, 'zh-CN')).toBe('读取块 0x44f');
    expect(scenarioTitle(s, 'en')).toBe('Reading block 0x44f');
    expect(scenarioTitle('ls', 'en')).toBeNull();
  });
});
