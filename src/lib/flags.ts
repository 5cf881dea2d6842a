// The short query flags of a link (?embed=1&theme=dark&lang=zh-CN): how the page is shown, not what it shows.

/** Display options read from the query string. */
export interface Flags {
  embed: boolean;
  theme: 'light' | 'dark' | 'auto';
  lang: string;
}

/** Reads the flags from a query string; anything unknown falls back to the default. */
export function parseFlags(search: string, embedPage = false): Flags {
  const q = new URLSearchParams(search);
  const theme = q.get('theme');
  const lang = q.get('lang') ?? 'en';
  return {
    embed: embedPage || q.get('embed') === '1',
    theme: theme === 'dark' || theme === 'light' ? theme : 'auto',
    lang: /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?$/.test(lang) ? lang : 'en',
  };
}
