import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from './en';
import { zhCN } from './zh-CN';

// Names that read the same in every language (the app's name, a Docker option).
const sameInBothLanguages: MessageKey[] = ['appTitle', 'gaugeMinFree'];

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the zh-CN catalogue', () => {
  it('has every key of the English one', () => {
    const missing = (Object.keys(en) as MessageKey[]).filter((k) => !zhCN[k]);
    expect(missing).toEqual([]);
  });

  it('leaves no English text in place of a translation', () => {
    const untranslated = (Object.keys(zhCN) as MessageKey[]).filter(
      (k) => !sameInBothLanguages.includes(k) && !/[\u4e00-\u9fff]/.test(zhCN[k]!),
    );
    expect(untranslated).toEqual([]);
  });

  it('fills the same placeholders as English', () => {
    const differ = (Object.keys(zhCN) as MessageKey[]).filter(
      (k) => placeholders(zhCN[k]!).join() !== placeholders(en[k]).join(),
    );
    expect(differ).toEqual([]);
  });
});
