// Talking to the page that holds the embed's iframe: our size out, its theme in.

/** Messages an embed sends to its host page. */
export interface SizeMessage {
  type: 'dm-sandbox:size';
  id: string;
  height: number;
}

/** Reports the document's height to the parent whenever it changes. */
export function reportSize(id: string): void {
  if (window.parent === window) return;
  let last = -1;
  const send = () => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height === last) return;
    last = height;
    const msg: SizeMessage = { type: 'dm-sandbox:size', id, height };
    window.parent.postMessage(msg, '*');
  };
  new ResizeObserver(send).observe(document.body);
  send();
}

/** Applies a theme: 'light' or 'dark' pins it, 'auto' follows prefers-color-scheme. */
export function applyTheme(theme: string): void {
  const root = document.documentElement;
  if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  else delete root.dataset.theme;
}

/** Follows `{type: 'dm-sandbox:theme', theme}` messages from the parent page (only from it). */
export function followHostTheme(): void {
  window.addEventListener('message', (e) => {
    if (e.source !== window.parent) return;
    const d = e.data as { type?: unknown; theme?: unknown } | null;
    if (d && d.type === 'dm-sandbox:theme' && typeof d.theme === 'string') applyTheme(d.theme);
  });
}
