import { describe, expect, it } from 'vitest';
import { matchLanguage, preferredLanguage } from './preferred';

describe('preferred language', () => {
  it('takes ?lang= first', () => {
    expect(preferredLanguage('?lang=zh-CN', ['en-US'])).toBe('zh-CN');
    expect(preferredLanguage('?lang=en', ['zh-CN'])).toBe('en');
  });

  it("falls back to the browser's first supported language", () => {
    expect(preferredLanguage('', ['fr-FR', 'zh-Hans-CN', 'en'])).toBe('zh-CN');
    expect(preferredLanguage('?lang=xx', ['de', 'en-GB'])).toBe('en');
  });

  it('gives English when nothing matches', () => {
    expect(preferredLanguage('', ['fr', 'de'])).toBe('en');
  });

  it('does not take Traditional Chinese for Simplified', () => {
    expect(matchLanguage('zh-TW')).toBeNull();
    expect(matchLanguage('zh')).toBe('zh-CN');
  });
});
