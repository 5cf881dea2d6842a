import { describe, expect, it } from 'vitest';
import { parseScenario } from './scenario';

describe('parseScenario', () => {
  it('reads leading key lines and step markers with the command they start at', () => {
    const s = parseScenario("# title: Grow\n# description: d\n# seed: 3.2\nls\n# step: Two\ncat <<'E'\n# step: not a marker\nE\npwd\n");
    expect([s.title, s.description, s.meta.seed]).toEqual(['Grow', 'd', '3.2']);
    expect(s.steps).toEqual([{ title: 'Two', firstCommand: 1, line: 5 }]);
  });
});
