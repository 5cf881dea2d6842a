// Picks the UI language and formats messages; English is the fallback for any missing key.
import { en, type MessageKey } from './en';
import { langState } from './state.svelte';

type Catalogue = Partial<Record<MessageKey, string>>;

/** Languages the app knows and has loaded; a catalogue may be partial. */
export const catalogues: Record<string, Catalogue> = { en };

// Catalogues other than English are separate chunks, fetched the first time they are asked for.
const loaders: Record<string, () => Promise<Catalogue>> = {
  'zh-CN': () => import('./zh-CN').then((m) => m.zhCN),
};

/** Switches to a loaded language ('en', 'zh-CN'…); unknown or unloaded languages keep English. */
export function setLanguage(lang: string): string {
  const found = catalogues[lang] ?? catalogues[lang.split('-')[0]];
  langState.catalogue = found ?? en;
  langState.lang = found ? lang : 'en';
  return langState.lang;
}

/** Loads a language's catalogue if needed, then switches to it; resolves to the language in use. */
export async function loadLanguage(lang: string): Promise<string> {
  if (!catalogues[lang] && loaders[lang]) {
    try {
      catalogues[lang] = await loaders[lang]();
    } catch {
      /* offline without the chunk: stay in English */
    }
  }
  const l = setLanguage(lang);
  if (typeof document !== 'undefined') document.documentElement.lang = l;
  return l;
}

/** The language in use. */
export function language(): string {
  return langState.lang;
}

/** The message for `key` with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = langState.catalogue[key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
