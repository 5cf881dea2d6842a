/* dm-sandbox host-page loader: turns <div data-dm-sandbox …> into iframes of embed.html, sizes them from their
   messages and passes the page's theme on. Plain ES5-style script, no dependencies, safe to include twice. */
(function () {
  'use strict';
  if (window.DmSandbox) return;
  var script = document.currentScript;
  var base = script && script.src ? new URL('.', script.src).href : new URL('./', location.href).href;
  var origin = new URL(base).origin;
  var frames = [];
  var counter = 0;

  // The host's theme: an explicit data-theme on the element wins; else Docusaurus, VitePress, MkDocs Material, or the system.
  function hostTheme() {
    var html = document.documentElement;
    var body = document.body;
    var t = html.getAttribute('data-theme');
    if (t === 'dark' || t === 'light') return t;
    if (html.classList.contains('dark')) return 'dark';
    var md = body && body.getAttribute('data-md-color-scheme');
    if (md) return md === 'slate' ? 'dark' : 'light';
    return window.matchMedia && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  function post(frame, message) {
    if (frame.contentWindow) frame.contentWindow.postMessage(message, origin);
  }

  function frameUrl(el, id) {
    var d = el.dataset;
    var q = new URLSearchParams();
    if (d.scenario) q.set('scenario', d.scenario);
    if (d.view) q.set('view', d.view);
    if (d.terminal) q.set('terminal', d.terminal);
    if (d.tabs) q.set('tabs', d.tabs);
    if (d.lang) q.set('lang', d.lang);
    if (d.height) q.set('height', d.height);
    if (d.autostart) q.set('autostart', d.autostart);
    q.set('theme', d.theme || hostTheme());
    q.set('id', id);
    var hash = d.script ? '#src=' + encodeURIComponent(d.script) : '';
    return base + 'embed.html?' + q.toString() + hash;
  }

  /** Replaces one element's content with its embed (once). */
  function mount(el) {
    if (el.getAttribute('data-dm-sandbox-mounted')) return;
    el.setAttribute('data-dm-sandbox-mounted', '1');
    var id = 'dm-sandbox-' + ++counter;
    var frame = document.createElement('iframe');
    frame.src = frameUrl(el, id);
    frame.title = el.getAttribute('data-title') || 'dm-sandbox simulation';
    frame.loading = 'lazy';
    frame.setAttribute('data-dm-sandbox-id', id);
    frame.style.width = '100%';
    frame.style.border = '0';
    frame.style.display = 'block';
    frame.style.height = (Number(el.dataset.height) || 380) + 60 + 'px';
    el.replaceChildren(frame);
    frames.push({ frame: frame, el: el });
    return frame;
  }

  function mountAll(root) {
    var list = (root || document).querySelectorAll('[data-dm-sandbox]');
    for (var i = 0; i < list.length; i++) mount(list[i]);
  }

  /** Sends a theme to every embed that does not pin its own (or to all, when `force`). */
  function setTheme(theme, force) {
    for (var i = 0; i < frames.length; i++) {
      if (!force && frames[i].el.dataset.theme) continue;
      post(frames[i].frame, { type: 'dm-sandbox:theme', theme: theme });
    }
  }

  window.addEventListener('message', function (e) {
    if (e.origin !== origin) return;
    var d = e.data;
    if (!d || d.type !== 'dm-sandbox:size' || typeof d.height !== 'number') return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].frame.contentWindow === e.source) frames[i].frame.style.height = Math.ceil(d.height) + 'px';
    }
  });

  // Site theme switches (attribute or class changes on <html>/<body>) reach the embeds.
  var last = null;
  function themeChanged() {
    var t = hostTheme();
    if (t !== last) {
      last = t;
      setTheme(t, false);
    }
  }
  new MutationObserver(themeChanged).observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'data-theme'] });
  if (window.matchMedia) matchMedia('(prefers-color-scheme: dark)').addEventListener('change', themeChanged);

  window.DmSandbox = { mount: mount, mountAll: mountAll, setTheme: setTheme, base: base };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { mountAll(); });
  else mountAll();
})();
