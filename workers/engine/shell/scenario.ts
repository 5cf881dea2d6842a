// Front matter of a scenario script: `# key: value` lines before the first command, and `# step:` markers anywhere.
import { parseScript } from './parser';

/** A lesson step: its title and the index of the first top-level command it covers. */
export interface ScenarioStep {
  title: string;
  /** Index (0-based) of the first top-level command after the marker. */
  firstCommand: number;
  /** Line of the `# step:` comment. */
  line: number;
}

/** What the leading comments and step markers say about a script. */
export interface Scenario {
  title?: string;
  description?: string;
  /** Every `# key: value` of the front matter (title.zh-CN, seed, …). */
  meta: Record<string, string>;
  steps: ScenarioStep[];
  script: string;
}

const KEY_LINE = /^#\s*([A-Za-z][\w.-]*):\s?(.*)$/;

/** Reads front matter and step markers; commands are counted with the real parser, so heredoc bodies never count as markers. */
export function parseScenario(text: string): Scenario {
  const meta: Record<string, string> = {};
  const lines = text.split('\n');
  let i = 0;
  for (; i < lines.length; i++) {
    const l = lines[i].trim();
    if (l === '' || l.startsWith('#!')) continue;
    if (!l.startsWith('#')) break;
    const m = KEY_LINE.exec(l);
    if (m && m[1] !== 'step') meta[m[1]] = m[2].trim();
    else if (m) break;
  }
  const parsed = parseScript(text);
  const commandLines = parsed.ok ? parsed.commands.map((c) => c.line) : [];
  const ends: [number, number][] = parsed.ok ? parsed.commands.map((c) => [c.line, c.line + c.text.split('\n').length - 1]) : [];
  const steps: ScenarioStep[] = [];
  lines.forEach((raw, idx) => {
    const line = idx + 1;
    if (ends.some(([a, b]) => line > a && line <= b)) return;
    const m = KEY_LINE.exec(raw.trim());
    if (!m || m[1] !== 'step') return;
    let first = commandLines.findIndex((l) => l > line);
    if (first < 0) first = commandLines.length;
    steps.push({ title: m[2].trim(), firstCommand: first, line });
  });
  return { title: meta.title, description: meta.description, meta, steps, script: text };
}
