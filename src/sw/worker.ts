// The service worker's source, as text the build writes to sw.js with the list of files to keep (no network needed once loaded).

/** The service worker script for `version`, precaching `files` (paths relative to the worker's scope). */
export function serviceWorkerSource(version: string, files: string[]): string {
  return `// dm-sandbox service worker (generated at build time): precache the whole site, serve it from the cache.
const CACHE = ${JSON.stringify('dm-sandbox-' + version)};
const FILES = ${JSON.stringify(files)};
const scope = self.registration.scope;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES.map((f) => new URL(f, scope).href))).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('dm-sandbox-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Pages are found without their query (?lang=, ?scenario=…); '/' is index.html.
function pageKey(url) {
  const u = new URL(url);
  u.search = '';
  u.hash = '';
  if (u.href === scope) u.href = new URL('index.html', scope).href;
  return u.href;
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || !req.url.startsWith(scope)) return;
  const key = req.mode === 'navigate' ? pageKey(req.url) : req.url;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = (await cache.match(key)) || (await cache.match(key, { ignoreSearch: true }));
      if (hit) return hit;
      const res = await fetch(req);
      if (res.ok && res.type === 'basic') cache.put(key, res.clone());
      return res;
    }),
  );
});
`;
}
