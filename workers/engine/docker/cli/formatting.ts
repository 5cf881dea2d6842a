// The client's output formatting (Go templates, ps/images tables, inspect, info --format, system df), one module so
// the worker bundle can load it on first use (see vite.config.ts and lazy/formatting.ts).
export { inspectCommand } from './inspect';
export { listContainers, listImages } from './listCommands';
export { printInfoFormat } from './infoFormat';
export { printSystemDf } from './systemDf';
