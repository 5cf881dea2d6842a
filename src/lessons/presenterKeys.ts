// Presenter mode's keyboard: which key does what (pure, so it is tested without a page).

/** What a key asks for in presenter mode. */
export type PresenterAction =
  | { kind: 'next' }
  | { kind: 'previous' }
  | { kind: 'play' }
  | { kind: 'view'; index: number }
  | { kind: 'terminal' }
  | { kind: 'leave' }
  | null;

/** The action of a key press; keys typed into a field are never taken. */
export function presenterAction(key: string, inField: boolean): PresenterAction {
  if (key === 'Escape') return { kind: 'leave' };
  if (inField) return null;
  if (key === 'ArrowRight' || key === 'PageDown') return { kind: 'next' };
  if (key === 'ArrowLeft' || key === 'PageUp') return { kind: 'previous' };
  if (key === ' ' || key === 'k') return { kind: 'play' };
  if (/^[1-9]$/.test(key)) return { kind: 'view', index: Number(key) - 1 };
  if (key === 't' || key === 'T') return { kind: 'terminal' };
  return null;
}
