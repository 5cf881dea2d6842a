// Export actions of the dock: the current view as PNG or SVG, the transcript, the scenario, the link.
import type { Session } from '../lib/session.svelte';
import { download } from './download';
import { exportName, scenarioText, transcriptText } from './files';
import { viewPng, viewSvg } from './viewImage';

/** What can be exported. */
export type ExportKind = 'png' | 'svg' | 'transcript' | 'scenario' | 'link';

// The panel of the view shown (Views marks it with data-testid="view-<name>").
function currentPanel(): { el: HTMLElement; name: string } | null {
  const el = document.querySelector<HTMLElement>('[data-testid^="view-"][role="tabpanel"]');
  if (!el) return null;
  return { el, name: (el.dataset.testid ?? 'view').replace(/^view-/, '') };
}

/** Runs one export; resolves to the file name saved (or 'link'), rejects with a reason. */
export async function runExport(kind: ExportKind, session: Session): Promise<string> {
  const step = session.cursor;
  if (kind === 'link') {
    await navigator.clipboard.writeText(location.href);
    return 'link';
  }
  if (kind === 'transcript') {
    const name = exportName('transcript', step, 'txt');
    download(new Blob([transcriptText(session.screen)], { type: 'text/plain;charset=utf-8' }), name);
    return name;
  }
  if (kind === 'scenario') {
    const name = exportName('scenario', step, 'sh');
    download(new Blob([scenarioText(session.commands.slice(0, step))], { type: 'text/x-shellscript;charset=utf-8' }), name);
    return name;
  }
  const panel = currentPanel();
  if (!panel) throw new Error('no view is shown');
  if (kind === 'svg') {
    const name = exportName(panel.name, step, 'svg');
    download(new Blob([viewSvg(panel.el).svg], { type: 'image/svg+xml' }), name);
    return name;
  }
  const name = exportName(panel.name, step, 'png');
  download(await viewPng(panel.el), name);
  return name;
}
