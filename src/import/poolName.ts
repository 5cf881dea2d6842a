// The names an imported file gets in the sandbox: the dm pool name and where the XML lands.

/** A pool name from a file name (`my pool.xml` → `my_pool`), made unique against the pools already there. */
export function poolNameFor(fileName: string, taken: readonly string[]): string {
  const base =
    fileName
      .replace(/\.xml$/i, '')
      .replace(/[^A-Za-z0-9_.+-]/g, '_')
      .replace(/^\.+/, '')
      .slice(0, 60) || 'pool';
  let name = base;
  for (let n = 2; taken.includes(name); n++) name = `${base}-${n}`;
  return name;
}

/** Where the XML of pool `name` is placed: root's home, as a user would copy it there. */
export function xmlPathFor(name: string): string {
  return `/root/${name}.xml`;
}

/** The command that turns the placed XML into a pool, as the terminal shows it. */
export function importCommand(name: string): string {
  return `sim import-pool ${xmlPathFor(name)} ${name}`;
}
