// What `sim help` says of `sim import-pool`: shared by the command and the worker's stand-in.
export const importPoolSynopsis = {
  usage: 'FILE.xml [NAME]',
  help: 'make a thin pool NAME from a thin_dump XML file (thin_restore, loop files, dmsetup create)',
};
