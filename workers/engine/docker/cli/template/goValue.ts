// How Go sees the plain objects a template runs on: structs vs maps, fmt's %v, encoding/json, truth.

/** Objects that are Go maps (printed map[k:v], missing keys give <no value>); other objects are structs. */
const maps = new WeakSet<object>();
/** Go type names of structs, for "can't evaluate field X in type T". */
const structTypes = new WeakMap<object, string>();

/** Marks `obj` as a Go map (e.g. GraphDriver.Data, a map[string]string). */
export function goMap<T extends object>(obj: T): T {
  maps.add(obj);
  return obj;
}

/** Marks `obj` as a Go struct of type `name` (e.g. "types.Info"). */
export function goStruct<T extends object>(name: string, obj: T): T {
  structTypes.set(obj, name);
  return obj;
}

export function isGoMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && maps.has(v);
}

/** A JS value as Go names its type. */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return v.every((x) => typeof x === 'string') ? '[]string' : '[]interface {}';
  if (isGoMap(v))
    return Object.values(v).every((x) => typeof x === 'string') ? 'map[string]string' : 'map[string]interface {}';
  return structTypes.get(v as object) ?? 'struct {}';
}

/** strconv.FormatFloat(f, 'g', -1, 64): shortest form, exponent from 1e21 or below 1e-4. */
function goFloat(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e21)) {
    const [m, e] = n.toExponential().split('e');
    const x = Number(e);
    return `${m}e${x < 0 ? '-' : '+'}${String(Math.abs(x)).padStart(2, '0')}`;
  }
  return String(n);
}

/** fmt's %v of a value (as text/template prints an action's result). */
export function goPrint(v: unknown): string {
  if (v === undefined) return '<no value>';
  if (v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return goFloat(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'function') return '0x4a3b20';
  if (Array.isArray(v)) return `[${v.map(inner).join(' ')}]`;
  if (isGoMap(v))
    return `map[${sortedKeys(v)
      .map((k) => `${k}:${inner(v[k])}`)
      .join(' ')}]`;
  return `{${Object.values(v as object)
    .map(inner)
    .join(' ')}}`;
}

/** Inside a composite fmt prints nil as <nil> and an absent value the same way. */
function inner(v: unknown): string {
  return v === undefined ? '<nil>' : goPrint(v);
}

function sortedKeys(o: object): string[] {
  return Object.keys(o).sort();
}

/** encoding/json with SetEscapeHTML(false) (Docker's json function): maps sorted by key, structs in field order. */
export function goJson(v: unknown): string {
  if (v === undefined || v === null || typeof v === 'function') return 'null';
  if (typeof v === 'string') return jsonString(v);
  if (typeof v === 'number') return Number.isFinite(v) ? goFloatJson(v) : 'null';
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goJson).join(',')}]`;
  const keys = isGoMap(v) ? sortedKeys(v) : Object.keys(v as object);
  const o = v as Record<string, unknown>;
  return `{${keys.map((k) => `${jsonString(k)}:${goJson(o[k])}`).join(',')}}`;
}

function goFloatJson(n: number): string {
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) return n.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  return String(n);
}

/** Go's JSON string: \u2028/\u2029 and control characters escaped, the rest verbatim. */
function jsonString(s: string): string {
  return JSON.stringify(s).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** text/template's truth: false, 0, nil, empty string/slice/map are false; structs are true. */
export function goTruth(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.length > 0;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.length > 0;
  if (isGoMap(v)) return Object.keys(v).length > 0;
  return true;
}
