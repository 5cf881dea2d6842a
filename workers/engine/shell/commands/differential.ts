// Differential testing helpers: one script run by the sandbox and by the real bash with GNU tools, in a fresh directory.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Sandbox } from '../../sandbox';

/** What a script printed on stdout and its exit status. */
export interface Outcome {
  out: string;
  status: number;
}

/** The real bash in an empty temporary directory (UTF-8, codepoint collation; stderr dropped). */
export function realRun(script: string): Outcome {
  const dir = mkdtempSync(join(tmpdir(), 'dmsim-diff-'));
  try {
    const out = execFileSync('bash', ['-c', script], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, LC_ALL: 'C.UTF-8' },
    });
    return { out, status: 0 };
  } catch (e) {
    const err = e as { stdout: string; status: number };
    return { out: err.stdout, status: err.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The sandbox in an empty directory of its own; stderr goes to /dev/null as on the real side. */
export function sandboxRun(script: string): Outcome {
  const r = new Sandbox().run(`mkdir -p /tmp/diff && cd /tmp/diff\n{\n${script}\n} 2>/dev/null`);
  if (!r.ok) throw new Error(`${r.error.line}:${r.error.col}: ${r.error.message}`);
  const e = r.entries[r.entries.length - 1];
  return { out: e.output, status: e.status };
}
