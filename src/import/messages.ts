// The import bar's texts, in the page's language (English is the fallback).
import { language } from '../i18n';

const en = {
  importButton: 'Import thin_dump XML…',
  importTitle: 'Import a real pool: the XML that thin_dump prints (or drop the file anywhere on the page)',
  exportButton: 'Export pool XML',
  exportTitle: 'Download the pool as thin_dump XML (the real thin_restore accepts it)',
  exportWhich: 'Pool to export',
  dropHere: 'Drop a thin_dump XML file to import it as a pool',
  reading: 'Reading {file}: {read} of {total} ({pct})',
  importing: 'Making pool {pool} from {file}…',
  imported: 'Imported {file} as pool {pool}',
  refused: '{file} was not imported:',
  failed: '{file} was not imported: {reason}',
  dismiss: 'Dismiss',
  noPool: 'No pool to export',
} as const;

/** Keys of the import bar's texts. */
export type ImportMessageKey = keyof typeof en;

const zh: Record<ImportMessageKey, string> = {
  importButton: '导入 thin_dump XML…',
  importTitle: '导入真实的精简池：thin_dump 输出的 XML（也可把文件拖放到页面任意位置）',
  exportButton: '导出精简池 XML',
  exportTitle: '以 thin_dump XML 下载精简池（真实的 thin_restore 可以接受）',
  exportWhich: '要导出的精简池',
  dropHere: '拖放 thin_dump XML 文件，将其导入为精简池',
  reading: '正在读取 {file}：{read} / {total}（{pct}）',
  importing: '正在从 {file} 创建精简池 {pool}…',
  imported: '已将 {file} 导入为精简池 {pool}',
  refused: '{file} 未导入：',
  failed: '{file} 未导入：{reason}',
  dismiss: '关闭',
  noPool: '没有可导出的精简池',
};

/** The text for `key` with `{name}` placeholders filled. */
export function it(key: ImportMessageKey, params: Record<string, string | number> = {}): string {
  const text = language().startsWith('zh') ? zh[key] : en[key];
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
