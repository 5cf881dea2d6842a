// Entry of the embed (embed.html): a light click-to-start card; the app and its engine load only when asked.
import './app.css';
import './embed/embed.css';
import { embedOptions, scenarioTitle } from './embed/options';
import { applyTheme, followHostTheme, reportSize } from './embed/host';
import { preferredLanguage } from './i18n/preferred';
import { loadLanguage } from './i18n';
import { tf } from './i18n/features';
import { encodeLink } from './lib/link';
import { registerServiceWorker } from './sw/register';

const scenarios = import.meta.glob<string>('../scenarios/*.sh', { query: '?raw', import: 'default' });
const opts = embedOptions(location.search, location.hash);
const root = document.documentElement;
root.dataset.embed = '1';
root.dataset.terminal = opts.terminal ? '1' : '0';
root.dataset.tabs = opts.tabs ? '1' : '0';
root.style.setProperty('--embed-height', `${opts.height}px`);
applyTheme(opts.theme);
followHostTheme();
reportSize(opts.id);

const target = document.getElementById('app')!;

// The script to show: a library scenario by name, a plain script from #src=, or the link already in the hash.
async function script(): Promise<string | null> {
  if (opts.source !== null) return opts.source;
  if (opts.scenario) {
    const load = scenarios[`../scenarios/${opts.scenario}.sh`];
    return load ? await load() : null;
  }
  return null;
}

async function start(): Promise<void> {
  target.replaceChildren(Object.assign(document.createElement('p'), { className: 'embed-loading', textContent: tf('embedLoading') }));
  const s = await script();
  if (s !== null) history.replaceState(null, '', location.pathname + location.search + encodeLink({ script: s, view: opts.view ?? undefined }));
  const [{ mount }, { default: App }] = await Promise.all([import('svelte'), import('./App.svelte')]);
  target.replaceChildren();
  mount(App, { target, props: { embedPage: true } });
}

async function card(): Promise<void> {
  const lang = await loadLanguage(preferredLanguage(location.search, navigator.languages ?? []));
  if (opts.scenario && !scenarios[`../scenarios/${opts.scenario}.sh`]) {
    target.replaceChildren(Object.assign(document.createElement('p'), { className: 'embed-error', textContent: tf('embedUnknown', { name: opts.scenario }) }));
    return;
  }
  if (opts.autostart) return start();
  const s = opts.scenario ? await scenarios[`../scenarios/${opts.scenario}.sh`]() : opts.source;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'embed-start';
  button.dataset.testid = 'embed-start';
  const title = document.createElement('span');
  title.className = 'embed-title';
  title.textContent = (s && scenarioTitle(s, lang)) || 'dm-sandbox';
  const action = document.createElement('span');
  action.className = 'embed-action';
  action.textContent = '▶ ' + tf('embedStart');
  button.append(title, action);
  button.addEventListener('click', () => void start(), { once: true });
  target.replaceChildren(button);
}

registerServiceWorker();
void card();
