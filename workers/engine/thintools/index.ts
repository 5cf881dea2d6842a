// Public API of the thintools layer: thin_dump XML import/export and the thin_* reports over PoolMetadata.
export { parseThinDumpXml, ThinDumpXmlParser, defaultParseLimits, type ParseLimits, type ParseOptions, type ParseResult } from './parseThinDumpXml';
export { thinDumpXml } from './thinDumpXml';
export { thinDumpHuman } from './thinDumpHuman';
export type { DumpOptions } from './dumpOptions';
export { thinLs, thinLsRows, thinLsValue, parseThinLsFields, thinLsFields, defaultThinLsFields, type ThinLsField, type ThinLsRow } from './thinLs';
export { thinDelta } from './thinDelta';
export { thinCheck, thinCheckCorrupt } from './thinCheck';
export { thinRmap, parseRegion, type BlockRange } from './thinRmap';
export { thinMetadataSize } from './thinMetadataSize';
export { formatDiskUnit } from './diskUnits';
