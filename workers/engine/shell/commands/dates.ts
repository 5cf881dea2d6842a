// Date formats of ls -l, date and stat, from simulated Unix seconds (UTC, the seed host's zone).

const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** ls -l's time column: `Mar 30 05:22` within six months of now, else `Mar 30  2016`. */
export function lsDate(t: number, now: number): string {
  const d = new Date(t * 1000);
  const recent = now - t < 182.5 * 86400 && t - now < 3600;
  const day = String(d.getUTCDate()).padStart(2);
  return `${MON[d.getUTCMonth()]} ${day} ${recent ? `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}` : ` ${d.getUTCFullYear()}`}`;
}

/** date(1) with an optional +FORMAT (%Y %m %d %H %M %S %s %F %T %a %b %e %Z %z %y %j %%). */
export function formatDate(t: number, fmt = '%a %b %e %H:%M:%S %Z %Y'): string {
  const d = new Date(t * 1000);
  const start = Date.UTC(d.getUTCFullYear(), 0, 1) / 1000;
  const map: Record<string, string> = {
    Y: String(d.getUTCFullYear()), y: p2(d.getUTCFullYear() % 100), m: p2(d.getUTCMonth() + 1), d: p2(d.getUTCDate()),
    e: String(d.getUTCDate()).padStart(2), H: p2(d.getUTCHours()), M: p2(d.getUTCMinutes()), S: p2(d.getUTCSeconds()),
    s: String(t), a: DAY[d.getUTCDay()], b: MON[d.getUTCMonth()], h: MON[d.getUTCMonth()], Z: 'UTC', z: '+0000', '%': '%',
    j: String(Math.floor((t - start) / 86400) + 1).padStart(3, '0'), N: '000000000',
  };
  map.F = `${map.Y}-${map.m}-${map.d}`;
  map.T = `${map.H}:${map.M}:${map.S}`;
  return fmt.replace(/%([A-Za-z%])/g, (m, c: string) => map[c] ?? m);
}

/** stat(1)'s timestamp: `2017-03-30 05:22:10.000000000 +0000`. */
export function statDate(t: number): string {
  return formatDate(t, '%Y-%m-%d %H:%M:%S.%N %z');
}
