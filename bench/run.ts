// `npm run bench`: runs every bench/*.bench.ts and prints each figure against its budget.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

/** What a benchmark module exports: a name and a function that prints its own lines and returns pass/fail. */
export interface Benchmark {
  name: string;
  run(): Promise<boolean> | boolean;
}

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
let failed = 0;
for (const f of readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort()) {
  if (only.length && !only.some((o) => f.includes(o))) continue;
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { default: Benchmark };
  console.log(`\n== ${mod.default.name} (${f})`);
  const ok = await mod.default.run();
  console.log(ok ? 'within budget' : 'OVER BUDGET');
  if (!ok) failed++;
}
process.exit(failed ? 1 : 0);
