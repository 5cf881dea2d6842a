// The device roles `sim read` prints ("container web", "web -init", "ubuntu:latest layer 1/5", "base device"),
// put in the page's own words for the views; the terminal keeps the tool's English.

/** The words a language uses for each kind of device in a container's chain. */
export interface RoleWords {
  container: string;
  init: string;
  layer: string;
  base: string;
}

/** The role in `words`, or unchanged when `words` is null (English) or the role is not one `sim read` prints. */
export function roleText(role: string, words: RoleWords | null): string {
  if (!words) return role;
  if (role === 'base device') return words.base;
  let m = /^container (.+)$/.exec(role);
  if (m) return `${words.container} ${m[1]}`;
  m = /^(.+) -init$/.exec(role);
  if (m) return `${m[1]} ${words.init}`;
  m = /^(.+) layer (\d+\/\d+)$/.exec(role);
  if (m) return `${m[1]} ${words.layer} ${m[2]}`;
  return role;
}
