// The usage texts of the thin_* tools 0.9.0, as printed by --help (stdout) and after errors (stderr).

/** Version string every tool prints for -V. */
export const toolsVersion = '0.9.0';

/** Usage text by tool name. */
export const usage: Record<string, string> = {
  thin_dump: `Usage: thin_dump [options] {device|file}
Options:
  {-h|--help}
  {-f|--format} {xml|human_readable|custom}
  {-r|--repair}
  {-m|--metadata-snap} [block#]
  {-o <xml file>}
  {--dev-id} <dev-id>
  {--skip-mappings}
  {-V|--version}
`,
  thin_restore: `Usage: thin_restore [options]
Options:
  {-h|--help}
  {-i|--input} <input xml file>
  {-o|--output} <output device or file>
  {--transaction-id} <natural>
  {--data-block-size} <natural>
  {--nr-data-blocks} <natural>
  {-q|--quiet}
  {-V|--version}
`,
  thin_ls: `Usage: thin_ls [options] {metadata device}
Options:
  {-h|--help}
  {-m|--metadata-snap}
  {--no-headers}
  {-o|--format <fields>}
  {-V|--version}

where <fields> is a comma separated list from:
  DEV
  MAPPED_BLOCKS
  EXCLUSIVE_BLOCKS
  SHARED_BLOCKS
  MAPPED_SECTORS
  EXCLUSIVE_SECTORS
  SHARED_SECTORS
  MAPPED_BYTES
  EXCLUSIVE_BYTES
  SHARED_BYTES
  MAPPED
  EXCLUSIVE
  SHARED
  TRANSACTION
  CREATE_TIME
  SNAP_TIME
`,
  thin_check: `Usage: thin_check [options] {device|file}
Options:
  {-q|--quiet}
  {-h|--help}
  {-V|--version}
  {-m|--metadata-snap}
  {--auto-repair}
  {--override-mapping-root}
  {--clear-needs-check-flag}
  {--ignore-non-fatal-errors}
  {--skip-mappings}
  {--super-block-only}
`,
  thin_delta: `Usage: thin_delta [options] <device or file>
Options:
  {--thin1, --snap1}
  {--thin2, --snap2}
  {-m, --metadata-snap} [block#]
  {--verbose}
  {-h|--help}
  {-V|--version}
`,
  thin_rmap: `Usage: thin_rmap [options] {device|file}
Options:
  {-h|--help}
  {-V|--version}
  {--region <block range>}*
Where:
  <block range> is of the form <begin>..<one-past-the-end>
  for example 5..45 denotes blocks 5 to 44 inclusive, but not block 45
`,
  thin_metadata_size: `Thin Provisioning Metadata Device Size Calculator.
Usage: thin_metadata_size [options]
\t-b  --block-size BLOCKSIZE[bskKmMgGtTpPeEzZyY]  Block size of thin provisioned devices.
\t-s  --pool-size SIZE[bskKmMgGtTpPeEzZyY]        Size of pool device.
\t-m  --max-thins #MAXTHINS[bskKmMgGtTpPeEzZyY]   Maximum sum of all thin devices and snapshots.
\t-u  --unit {bskKmMgGtTpPeEzZyY}                 Output unit specifier.
\t-n  --numeric-only [short|long]                 Output numeric value only (optionally with short/long unit identifier).
\t-h  --help                                      This help.
\t-V  --version                                   Print thin provisioning tools version.
`,
};
