/* dm-sandbox fenced-block loader: every ```dm-sandbox code block becomes an embed of its script.
   Leading "# view: tree", "# terminal: no", "# height: 420", "# theme: dark" lines set the embed's options. */
(function () {
  'use strict';
  var script = document.currentScript;
  var base = script && script.src ? new URL('.', script.src).href : new URL('./', location.href).href;
  var selector = 'code.language-dm-sandbox, code.lang-dm-sandbox, pre.dm-sandbox > code, div.language-dm-sandbox code';
  var keys = { view: 'view', terminal: 'terminal', height: 'height', theme: 'theme', tabs: 'tabs', lang: 'lang', title: 'title' };

  function toEmbed(code) {
    var text = code.textContent || '';
    var lines = text.replace(/\s+$/, '').split('\n');
    var holder = document.createElement('div');
    holder.setAttribute('data-dm-sandbox', '');
    var body = [];
    var head = true;
    for (var i = 0; i < lines.length; i++) {
      var m = head && /^#\s*([a-z]+):\s*(.*)$/.exec(lines[i]);
      if (m && keys[m[1]]) {
        var v = m[2].trim();
        if (m[1] === 'terminal' || m[1] === 'tabs') v = /^(no|0|false|off)$/i.test(v) ? '0' : '1';
        holder.setAttribute('data-' + keys[m[1]], v);
        if (m[1] === 'title') body.push(lines[i]);
        continue;
      }
      head = false;
      body.push(lines[i]);
    }
    holder.setAttribute('data-script', body.join('\n'));
    // Replace the whole highlighted block (VitePress and MkDocs wrap the <pre> in a div).
    var pre = code.closest('pre') || code;
    var wrap = pre.parentElement && /(^|\s)(language-dm-sandbox|highlight)(\s|$)/.test(pre.parentElement.className) ? pre.parentElement : pre;
    wrap.replaceWith(holder);
    return holder;
  }

  function run() {
    var found = document.querySelectorAll(selector);
    var made = [];
    for (var i = 0; i < found.length; i++) made.push(toEmbed(found[i]));
    if (!made.length) return;
    if (window.DmSandbox) {
      for (var j = 0; j < made.length; j++) window.DmSandbox.mount(made[j]);
      return;
    }
    var s = document.createElement('script');
    s.src = base + 'embed.js';
    document.head.appendChild(s);
  }

  window.DmSandboxFence = { run: run };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
  else run();
})();
