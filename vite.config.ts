// Vite: the Svelte app (index.html) and the embed (embed.html), with the engine in an ES-module worker.
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { serviceWorker } from './src/sw/plugin';

// The dev server's hot reload needs a websocket and injected <style> tags the production CSP forbids; relax it only under `vite` (serve).
function devCsp(): Plugin {
  return {
    name: 'dm-sandbox-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("connect-src 'self'", "connect-src 'self' ws: wss:")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  };
}

// In the worker bundle the thin_* tools, the lvm, host and dm commands, the text tools, the docker client's formatting
// and the XML upload path are stand-ins that load the real modules on first use: the first page load stays within its
// JS budget. Node (tests, CLI) keeps the direct imports.
function lazyLayers(): Plugin {
  const redirects: [string, string, string][] = [
    ['/workers/engine/shell/commandTable.ts', './commands/textTools', './workers/engine/shell/lazy/textTools.ts'],
    ['/workers/engine/shell/commandTable.ts', '../lvm/commands/index', './workers/engine/lvm/lazy/commands.ts'],
    ['/workers/engine/shell/commandTable.ts', '../host/commands/index', './workers/engine/host/lazy/commands.ts'],
    ['/workers/engine/shell/commandTable.ts', '../dm/commands/index', './workers/engine/dm/lazy/commands.ts'],
    ['/workers/engine/shell/commandTable.ts', '../docker/commands/tools', './workers/engine/docker/lazy/tools.ts'],
    ['/workers/engine/docker/cli/dockerCommand.ts', './formatting', './workers/engine/docker/cli/lazy/formatting.ts'],
    [
      '/workers/engine/shell/commandTable.ts',
      '../thintools/commands/index',
      './workers/engine/thintools/lazy/commands.ts',
    ],
    [
      '/workers/engine/view/sandboxApi.ts',
      '../thintools/commands/fileTransfer',
      './workers/engine/thintools/lazy/fileTransfer.ts',
    ],
  ];
  return {
    name: 'dm-sandbox-lazy-layers',
    enforce: 'pre',
    resolveId(source, importer) {
      const hit = redirects.find(([from, spec]) => importer?.endsWith(from) && source === spec);
      return hit ? fileURLToPath(new URL(hit[2], import.meta.url)) : null;
    },
  };
}

export default defineConfig({
  // Relative asset URLs: the built site works from any static host and sub-path.
  base: './',
  plugins: [svelte(), devCsp(), serviceWorker()],
  worker: { format: 'es', plugins: () => [lazyLayers()] },
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        embed: fileURLToPath(new URL('./embed.html', import.meta.url)),
      },
    },
  },
});
