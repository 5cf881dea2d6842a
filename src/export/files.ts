// Text exports: the transcript as the terminal shows it, and the session as a scenario script.
import type { ScreenItem } from '../lib/session.svelte';

/** The transcript: `$ command` then its output, for every command on screen (app notices as `# …`). */
export function transcriptText(items: readonly ScreenItem[]): string {
  const out: string[] = [];
  for (const it of items) {
    if (it.kind === 'notice') out.push(`# ${it.text}`);
    else {
      out.push(`$ ${it.entry.command}`);
      if (it.entry.output) out.push(it.entry.output.replace(/\n$/, ''));
    }
  }
  return out.join('\n') + '\n';
}

/** A scenario file: front matter, then the commands one after the other (multi-line ones as typed). */
export function scenarioText(commands: readonly string[], title = 'dm-sandbox session'): string {
  const safeTitle = title.replace(/[\r\n]+/g, ' ');
  return [`# title: ${safeTitle}`, ...commands].join('\n') + '\n';
}

/** A file name for an export: dm-sandbox-<what>-step<N>.<ext>. */
export function exportName(what: string, step: number, ext: string): string {
  return `dm-sandbox-${what.replace(/[^a-z0-9-]+/gi, '-')}-step${step}.${ext}`;
}
