// Remembers the last thin_dump XML imported, so one file parsed by an upload, `sim import-pool` and thin_restore
// in turn is parsed once.
import { parseThinDumpXml, type ParseResult } from '../parseThinDumpXml';

let last: { text: string; result: ParseResult } | undefined;

/** parseThinDumpXml over a whole text, answering from the cache when the text is the one parsed last. */
export function parseThinDumpXmlCached(text: string): ParseResult {
  // Same string object: V8 compares the pointers first, so a hit on a large file costs nothing.
  if (last && last.text === text) return last.result;
  const result = parseThinDumpXml(text);
  last = { text, result };
  return result;
}

/** Records the result of a parse done elsewhere (a streamed upload) for the text it came from. */
export function primeParseCache(text: string, result: ParseResult): void {
  last = { text, result };
}

/** Drops the cached result (tests; freeing a large import's arrays). */
export function clearParseCache(): void {
  last = undefined;
}
