// /etc/docker/daemon.json as dockerd reads it: Go decoder errors, unknown keys, flag conflicts, type errors.
import { goDecode, toPlain, type GoJsonValue } from './goJson';
import { daemonKeys, flagOnlyNames, flatOptions, isKnownKey, type GoType } from './daemonOptions';
import { atLeast } from './version';

/** The settings the sandbox uses, plus every key as decoded. */
export interface DaemonConfig {
  storageDriver?: string;
  storageOpts: string[];
  dataRoot?: string;
  debug?: boolean;
  hosts?: string[];
  /** Every known key with its decoded value. */
  values: Record<string, unknown>;
}

/** The config, or the daemon's refusal: `error` is the bare cause, `lines` what dockerd prints to stderr. */
export type DaemonJsonResult =
  | { ok: true; config: DaemonConfig }
  | { ok: false; error: string; lines: string[] };

/** The file dockerd reads by default. */
export const DAEMON_JSON = '/etc/docker/daemon.json';

/** Command-line flags given to dockerd (long names), for the both-as-flag-and-in-file check. */
export type DaemonFlags = Record<string, string | string[]>;

/**
 * Reads daemon.json text as dockerd `version` does (json.Decoder, then findConfigurationConflicts, then the
 * struct decode). A missing file is not an error: call this only when the file exists.
 */
export function parseDaemonJson(text: string, version: string, flags: DaemonFlags = {}, file = DAEMON_JSON): DaemonJsonResult {
  const wrap = (error: string): DaemonJsonResult => {
    const line = `unable to configure the Docker daemon with file ${file}: ${error}`;
    // Before 18.09 the message carried its own "\n", printed as a blank line after it.
    return { ok: false, error, lines: atLeast(version, '18.09.0') ? [line] : [line, ''] };
  };
  const decoded = goDecode(text);
  if (!decoded.ok) return wrap(decoded.error);
  const root = decoded.value;
  if (root.t === 'null') return { ok: true, config: { storageOpts: [], values: {} } };
  if (root.t !== 'object') return wrap(`json: cannot unmarshal ${root.t} into Go value of type map[string]interface {}`);
  const entries = dedupe(root.entries);

  const flat: [string, GoJsonValue][] = [];
  const keep = flatOptions(version);
  for (const [k, v] of entries) {
    if (v.t === 'object' && !keep.includes(k)) flat.push(...dedupe(v.entries));
    else flat.push([k, v]);
  }
  const unknown = flat.map(([k]) => k).filter((k, i, a) => a.indexOf(k) === i && !isKnownKey(k, version));
  if (unknown.length) return wrap(`the following directives don't match any configuration option: ${unknown.join(', ')}`);

  const conflicts = flagConflicts(flat, flags);
  if (conflicts.length) return wrap(`the following directives are specified both as a flag and in the configuration file: ${conflicts.join(', ')}`);

  const values: Record<string, unknown> = {};
  let typeError: string | undefined;
  for (const [k, v] of entries) {
    const key = daemonKeys[k];
    if (!key || (key.since && !atLeast(version, key.since))) continue;
    const err = typeMismatch(v, key.type, k, version);
    if (err && !typeError) typeError = err;
    if (!err && v.t !== 'null') values[k] = toPlain(v);
  }
  if (typeError) return wrap(typeError);
  return {
    ok: true,
    config: {
      storageDriver: values['storage-driver'] as string | undefined,
      storageOpts: (values['storage-opts'] as string[] | undefined) ?? [],
      dataRoot: (values['data-root'] ?? values.graph) as string | undefined,
      debug: values.debug as boolean | undefined,
      hosts: values.hosts as string[] | undefined,
      values,
    },
  };
}

/** Later duplicates of a key replace earlier ones (Go map semantics), keeping first-seen order. */
function dedupe(entries: [string, GoJsonValue][]): [string, GoJsonValue][] {
  const m = new Map<string, GoJsonValue>();
  for (const [k, v] of entries) m.set(k, v);
  return [...m];
}

/** Go's %v of a JSON value decoded into interface{}. */
function goFormatValue(v: GoJsonValue): string {
  switch (v.t) {
    case 'string':
      return v.v;
    case 'number':
      return String(Number(v.raw)).replace(/e\+?(\d)$/, 'e+0$1');
    case 'bool':
      return String(v.v);
    case 'null':
      return '<nil>';
    case 'array':
      return `[${v.items.map(goFormatValue).join(' ')}]`;
    case 'object':
      return `map[${[...v.entries].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => `${k}:${goFormatValue(x)}`).join(' ')}]`;
  }
}

/** Flags (visited in name order) whose setting is also in the file. */
function flagConflicts(flat: [string, GoJsonValue][], flags: DaemonFlags): string[] {
  const file = new Map(flat);
  const out: string[] = [];
  for (const name of Object.keys(flags).sort()) {
    const jsonName = flagOnlyNames[name] || name;
    const v = file.get(jsonName);
    if (!v) continue;
    const fv = flags[name];
    const flagText = Array.isArray(fv) ? `[${fv.join(' ')}]` : fv;
    out.push(`${jsonName}: (from flag: ${flagText}, from file: ${goFormatValue(v)})`);
  }
  return out;
}

/** UnmarshalTypeError text for a value that does not fit its field, else undefined. */
function typeMismatch(v: GoJsonValue, type: GoType, key: string, version: string): string | undefined {
  if (v.t === 'null') return undefined;
  // Go 1.8 (Docker 17.06) added the struct field to the message; Docker 17.03 was built with Go 1.7.
  const where = (goType: string) =>
    atLeast(version, '17.06.0') ? `Go struct field Config.${key} of type ${goType}` : `Go value of type ${goType}`;
  const err = (what: string, goType: string) => `json: cannot unmarshal ${what} into ${where(goType)}`;
  switch (type) {
    case 'string':
      return v.t === 'string' ? undefined : err(v.t, 'string');
    case 'bool':
      return v.t === 'bool' ? undefined : err(v.t, 'bool');
    case 'int':
      if (v.t !== 'number') return err(v.t, 'int');
      return /^-?\d+$/.test(v.raw) ? undefined : err(`number ${v.raw}`, 'int');
    case '[]string':
      if (v.t !== 'array') return err(v.t, '[]string');
      for (const item of v.items) if (item.t !== 'string' && item.t !== 'null') return err(item.t, 'string');
      return undefined;
    case 'map[string]string':
      if (v.t !== 'object') return err(v.t, 'map[string]string');
      for (const [, item] of v.entries) if (item.t !== 'string' && item.t !== 'null') return err(item.t, 'string');
      return undefined;
    case 'object':
      return v.t === 'object' ? undefined : err(v.t, 'map[string]interface {}');
  }
}
