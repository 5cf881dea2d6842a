// Which language to show first: `?lang=` when given, else the browser's languages, else English.

/** Languages with a catalogue. */
export const supportedLanguages = ['en', 'zh-CN'] as const;

/** A supported language for a tag (zh, zh-Hans, zh-SG → zh-CN; en-GB → en), or null. */
export function matchLanguage(tag: string): string | null {
  const t = tag.trim().toLowerCase();
  if (t === 'zh' || t.startsWith('zh-cn') || t.startsWith('zh-hans') || t === 'zh-sg') return 'zh-CN';
  if (t === 'en' || t.startsWith('en-')) return 'en';
  return null;
}

/** The language for a page: the query's `lang` when supported, else the first supported browser language. */
export function preferredLanguage(search: string, browserLanguages: readonly string[]): string {
  const asked = new URLSearchParams(search).get('lang');
  const fromQuery = asked ? matchLanguage(asked) : null;
  if (fromQuery) return fromQuery;
  for (const l of browserLanguages) {
    const m = matchLanguage(l);
    if (m) return m;
  }
  return 'en';
}
