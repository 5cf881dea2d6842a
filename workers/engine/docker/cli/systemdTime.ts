// systemd's ways of printing times: "Thu 2017-03-30 05:22:01 UTC" and spans like "2min 3s".

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** format_timestamp: "Thu 2017-03-30 05:22:01 UTC". */
export function systemdDate(t: number): string {
  const d = new Date(t * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]} ${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC`;
}

/** format_timespan with two parts, as "since …; 2min 3s ago". */
export function humanSystemdSpan(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const units: [number, string][] = [
    [86400, 'day'],
    [3600, 'h'],
    [60, 'min'],
    [1, 's'],
  ];
  const parts: string[] = [];
  let left = s;
  for (const [size, name] of units) {
    if (left >= size && parts.length < 2) {
      const n = Math.floor(left / size);
      parts.push(name === 'day' ? `${n} day${n > 1 ? 's' : ''}` : `${n}${name}`);
      left -= n * size;
    }
  }
  return parts.length ? parts.join(' ') : '0s';
}
