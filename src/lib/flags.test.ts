import { describe, expect, it } from 'vitest';
import { parseFlags } from './flags';

describe('query flags', () => {
  it('default to the full page, the system theme and English', () => {
    expect(parseFlags('')).toEqual({ embed: false, theme: 'auto', lang: 'en' });
  });

  it('read embed, theme and lang', () => {
    expect(parseFlags('?embed=1&theme=dark&lang=zh-CN')).toEqual({ embed: true, theme: 'dark', lang: 'zh-CN' });
  });

  it('ignore a theme they do not know', () => {
    expect(parseFlags('?theme=neon').theme).toBe('auto');
  });

  it('ignore a language tag that is not one', () => {
    expect(parseFlags('?lang=<script>').lang).toBe('en');
  });

  it('are always in embed mode on the embed page', () => {
    expect(parseFlags('', true).embed).toBe(true);
  });
});
