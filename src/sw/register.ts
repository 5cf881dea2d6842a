// Registers the service worker of the built site (never under the dev server, whose files change all the time).

/** Registers sw.js next to the page; failures only mean no offline copy. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const url = new URL('sw.js', document.baseURI);
  navigator.serviceWorker.register(url, { scope: './' }).catch(() => undefined);
}
