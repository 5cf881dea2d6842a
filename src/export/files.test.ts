import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../workers/engine/shell/scenario';
import { exportName, scenarioText, transcriptText } from './files';

describe('text exports', () => {
  it('writes the transcript as $ command then output', () => {
    const text = transcriptText([
      { kind: 'entry', entry: { command: 'echo hi', output: 'hi\n', status: 0, step: 0 } },
      { kind: 'entry', entry: { command: 'true', output: '', status: 0, step: 1 } },
      { kind: 'notice', text: 'Session restored (2 commands).', error: false },
    ]);
    expect(text).toBe('$ echo hi\nhi\n$ true\n# Session restored (2 commands).\n');
  });

  it('writes a scenario the scenario parser reads back with its title and commands', () => {
    const cmds = ['sudo systemctl stop docker', "cat > /etc/docker/daemon.json <<'JSON'\n{}\nJSON", 'docker info'];
    const sc = parseScenario(scenarioText(cmds, 'My\nstory'));
    expect(sc.title).toBe('My story');
    expect(sc.script).toContain(cmds[1]);
  });

  it('names files after the view and the step', () => {
    expect(exportName('block map', 12, 'png')).toBe('dm-sandbox-block-map-step12.png');
  });
});
