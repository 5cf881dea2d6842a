// lvm configuration profiles (/etc/lvm/profile/NAME.profile): the activation settings autoextend uses.

/** The thin-pool autoextend policy of a profile, with lvm's defaults for what is unset. */
export interface AutoextendPolicy {
  /** activation/thin_pool_autoextend_threshold (100 = disabled). */
  threshold: number;
  /** activation/thin_pool_autoextend_percent. */
  percent: number;
}

/** lvm.conf defaults: threshold 100 (never), percent 20. */
export const DEFAULT_POLICY: AutoextendPolicy = { threshold: 100, percent: 20 };

/** A parse failure, reported the way lvm's config parser does. */
export interface ProfileError {
  line: number;
  message: string;
}

/**
 * Reads the settings of an lvm config text (`section { key = value }` or `section/key = value`),
 * flattened to "section/key" → raw value. Returns an error for unbalanced braces or a line without `=`.
 */
export function parseLvmConfig(text: string): { ok: true; values: Map<string, string> } | { ok: false; error: ProfileError } {
  const values = new Map<string, string>();
  const stack: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let rest = lines[i].replace(/#.*$/, '');
    while (rest.trim()) {
      rest = rest.trim();
      let m: RegExpExecArray | null;
      if ((m = /^([A-Za-z_][\w/]*)\s*\{/.exec(rest))) {
        stack.push(m[1]);
        rest = rest.slice(m[0].length);
      } else if (rest.startsWith('}')) {
        if (!stack.length) return { ok: false, error: { line: i + 1, message: 'unexpected }' } };
        stack.pop();
        rest = rest.slice(1);
      } else if ((m = /^([A-Za-z_][\w/]*)\s*=\s*("[^"]*"|\[[^\]]*\]|[^\s}]+)/.exec(rest))) {
        const key = [...stack, m[1]].join('/');
        values.set(key, m[2].replace(/^"|"$/g, ''));
        rest = rest.slice(m[0].length);
      } else {
        return { ok: false, error: { line: i + 1, message: `syntax error near "${rest}"` } };
      }
    }
  }
  if (stack.length) return { ok: false, error: { line: lines.length, message: 'unexpected end of file' } };
  return { ok: true, values };
}

/** The autoextend policy a config text sets (defaults for what it leaves out or cannot parse as integers). */
export function policyOf(values: Map<string, string>): AutoextendPolicy {
  const int = (k: string, d: number): number => {
    const v = values.get(k);
    return v !== undefined && /^-?\d+$/.test(v) ? Number(v) : d;
  };
  return {
    threshold: int('activation/thin_pool_autoextend_threshold', DEFAULT_POLICY.threshold),
    percent: int('activation/thin_pool_autoextend_percent', DEFAULT_POLICY.percent),
  };
}
