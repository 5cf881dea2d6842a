// Vite plugin: writes sw.js listing every built file and public asset, so the site works offline once loaded.
import type { Plugin } from 'vite';
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serviceWorkerSource } from './worker';

function publicFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  try {
    walk(dir);
  } catch {
    /* no public folder */
  }
  return out;
}

/** Emits sw.js at the site root with a cache named after the content of the build. */
export function serviceWorker(): Plugin {
  let publicDir = '';
  return {
    name: 'dm-sandbox-service-worker',
    apply: 'build',
    // After Vite's own HTML plugin, so the pages are in the bundle too.
    enforce: 'post',
    configResolved(c) {
      publicDir = c.publicDir;
    },
    generateBundle(_options, bundle) {
      const built = Object.keys(bundle).filter((f) => !f.endsWith('.map'));
      const files = [...new Set(['./', ...built, ...publicFiles(publicDir)])].filter((f) => f !== 'sw.js').sort();
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: serviceWorkerSource(version, files) });
    },
  };
}
