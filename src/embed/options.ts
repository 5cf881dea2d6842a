// The embed's options, from its URL: which scenario, which view, with or without the terminal, theme, size.

/** How one embed is shown. */
export interface EmbedOptions {
  /** Name of a scenario of the library (scenarios/NAME.sh). */
  scenario: string | null;
  /** A script carried in the hash as plain text (`#src=`), as the fenced-block loader sends it. */
  source: string | null;
  view: string | null;
  terminal: boolean;
  tabs: boolean;
  theme: 'light' | 'dark' | 'auto';
  autostart: boolean;
  /** Height in CSS pixels of the simulation area (terminal and view). */
  height: number;
  /** The host's id for this frame, echoed in every message. */
  id: string;
}

const yes = (v: string | null, dflt: boolean) => (v === null ? dflt : v === '1' || v === 'true' || v === 'yes');

/** Reads the options; anything malformed falls back to its default. */
export function embedOptions(search: string, hash: string): EmbedOptions {
  const q = new URLSearchParams(search);
  const theme = q.get('theme');
  const scenario = q.get('scenario');
  const h = Number(q.get('height'));
  let source: string | null = null;
  const m = /(?:^#|&)src=([^&]*)/.exec(hash);
  if (m) {
    try {
      source = decodeURIComponent(m[1]);
    } catch {
      source = null;
    }
  }
  return {
    scenario: scenario && /^[a-z0-9][a-z0-9-]*$/.test(scenario) ? scenario : null,
    source,
    view: q.get('view'),
    terminal: yes(q.get('terminal'), true),
    tabs: yes(q.get('tabs'), false),
    theme: theme === 'dark' || theme === 'light' ? theme : 'auto',
    autostart: yes(q.get('autostart'), false),
    height: Number.isFinite(h) && h >= 200 && h <= 2000 ? h : 380,
    id: (q.get('id') ?? '').slice(0, 64),
  };
}

/** Title of a scenario from its front matter, in the language asked when it has one. */
export function scenarioTitle(script: string, lang: string): string | null {
  const own = new RegExp(`^#\\s*title\\.${lang.replace(/[^a-zA-Z-]/g, '')}:\\s*(.+)$`, 'm').exec(script);
  const plain = /^#\s*title:\s*(.+)$/m.exec(script);
  return (own ?? plain)?.[1].trim() ?? null;
}
