// The language in use as reactive state, so every `t()` in a template re-renders when the language changes.
import { en, type MessageKey } from './en';

/** The current language and its catalogue (English fills any gap). */
export const langState = $state<{ lang: string; catalogue: Partial<Record<MessageKey, string>> }>({
  lang: 'en',
  catalogue: en,
});
