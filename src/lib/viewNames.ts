// The views the app offers, by the name a link uses (`view=`).

/** Names of the views, in tab order. */
export const viewNames = ['space', 'tree', 'blocks', 'read', 'free', 'stack', 'resize'] as const;

/** One view's name. */
export type ViewName = (typeof viewNames)[number];

/** The view shown when a link names none. */
export const defaultView: ViewName = 'space';

/** Whether a string from a link names a view. */
export function isViewName(s: string): s is ViewName {
  return (viewNames as readonly string[]).includes(s);
}
