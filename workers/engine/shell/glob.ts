// Pathname expansion (*, ?, [...]) over the host filesystem, as bash does it without extglob or dotglob.
import type { Vfs } from '../host/vfs';
import { failed } from '../host/errno';
import { resolvePath } from '../host/paths';

/** Converts one glob segment to a regex; `mask[i]` false marks quoted characters (matched literally). */
function segmentRegex(seg: string, mask: boolean[]): RegExp {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (mask[i] && c === '*') re += '[^/]*';
    else if (mask[i] && c === '?') re += '[^/]';
    else if (mask[i] && c === '[') {
      const end = seg.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        let cls = seg.slice(i + 1, end);
        if (cls.startsWith('!')) cls = '^' + cls.slice(1);
        re += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Whether a word has unquoted glob characters. */
export function hasGlob(text: string, mask: boolean[]): boolean {
  for (let i = 0; i < text.length; i++) if (mask[i] && '*?['.includes(text[i])) return true;
  return false;
}

/** Expands a pattern against the VFS; sorted matches, or [] when nothing matches. */
export function expandGlob(vfs: Vfs, cwd: string, text: string, mask: boolean[]): string[] {
  const absolute = text.startsWith('/');
  const segs: { s: string; m: boolean[] }[] = [];
  let cur = '';
  let curM: boolean[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '/') {
      if (cur) segs.push({ s: cur, m: curM });
      cur = '';
      curM = [];
    } else {
      cur += text[i];
      curM.push(mask[i]);
    }
  }
  if (cur) segs.push({ s: cur, m: curM });
  let paths = [absolute ? '/' : ''];
  for (const { s, m } of segs) {
    const next: string[] = [];
    for (const p of paths) {
      const dir = resolvePath(cwd, p || '.');
      if (!hasGlob(s, m)) {
        const cand = p === '' ? s : p === '/' ? `/${s}` : `${p}/${s}`;
        if (!failed(vfs.stat(resolvePath(cwd, cand)))) next.push(cand);
        continue;
      }
      const names = vfs.readdir(dir);
      if (failed(names)) continue;
      const re = segmentRegex(s, m);
      for (const n of names) {
        if (n.startsWith('.') && !s.startsWith('.')) continue;
        if (re.test(n)) next.push(p === '' ? n : p === '/' ? `/${n}` : `${p}/${n}`);
      }
    }
    paths = next;
    if (!paths.length) return [];
  }
  return paths.sort();
}
