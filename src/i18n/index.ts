// Picks the UI language and formats messages; English is the fallback for any missing key.
import { en, type MessageKey } from './en';

/** Languages the app knows; a catalogue may be partial. */
export const catalogues: Record<string, Partial<Record<MessageKey, string>>> = { en };

let current: Partial<Record<MessageKey, string>> = en;
let currentLang = 'en';

/** Switches the language ('en', 'zh-CN'…); unknown languages keep English. */
export function setLanguage(lang: string): string {
  const found = catalogues[lang] ?? catalogues[lang.split('-')[0]];
  current = found ?? en;
  currentLang = found ? lang : 'en';
  return currentLang;
}

/** The language in use. */
export function language(): string {
  return currentLang;
}

/** The message for `key` with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = current[key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
