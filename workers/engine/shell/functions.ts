// Shell functions at run time: call frames with their positional parameters and `local` variables, and `return`.

/** How deep functions may call each other (bash's FUNCNEST, fixed: deeper recursion would overflow the engine's stack). */
export const FUNC_NEST_LIMIT = 200;
/** Function calls one top-level command may make in all (so `f() { f; f; }` ends). */
export const COMMAND_CALL_BUDGET = 100_000;

/** `return [n]` unwinding to the function call. */
export class ReturnSignal {
  constructor(readonly status: number) {}
}

/** One running function: the caller's positional parameters and the values `local` hid. */
export interface CallFrame {
  callerArgs: string[];
  /** Variable name → its value before `local` (undefined: it was unset). */
  hidden: Map<string, string | undefined>;
}

/** Restores the variables a frame's `local`s hid, innermost last. */
export function restoreLocals(frame: CallFrame, env: Record<string, string>): void {
  for (const [name, value] of frame.hidden) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
}

/** `local NAME[=VALUE]…`: hides the caller's value until the function returns; a bare name starts out unset. */
export function declareLocals(
  args: string[],
  frame: CallFrame,
  env: Record<string, string>,
  set: (n: string, v: string) => void,
  err: (t: string) => void,
): number {
  let st = 0;
  for (const a of args) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(=(.*))?$/s.exec(a);
    if (!m) {
      err(`bash: local: \`${a}': not a valid identifier\n`);
      st = 1;
      continue;
    }
    const fresh = !frame.hidden.has(m[1]);
    if (fresh) frame.hidden.set(m[1], m[1] in env ? env[m[1]] : undefined);
    if (m[2] !== undefined) set(m[1], m[3]);
    else if (fresh) delete env[m[1]];
  }
  return st;
}
