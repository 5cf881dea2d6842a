// Stand-in for the upload/export API in the worker bundle: each call loads the thin tools first (the UI awaits it).
import type { Sandbox } from '../../sandbox';
import type { FileTransferApi } from '../commands/fileTransfer';
import { loadThinTools, loaded } from './load';

export type { FileTransferApi, TransferAnswer, TransferError } from '../commands/fileTransfer';

type Real = FileTransferApi & { replace(sandbox: Sandbox): void };

/** Same contract as the real createFileTransfer; methods answer with promises (Comlink awaits them anyway). */
export function createFileTransfer(current: () => Sandbox, maxChars?: number): Real {
  let real: Real | undefined;
  const get = async (): Promise<Real> => {
    await loadThinTools();
    real ??= loaded()!.transfer.createFileTransfer(current, maxChars);
    return real;
  };
  const later = <K extends keyof FileTransferApi>(k: K) =>
    (async (...args: unknown[]) =>
      ((await get())[k] as (...a: unknown[]) => unknown)(...args)) as unknown as FileTransferApi[K];
  return {
    putBegin: later('putBegin'),
    putChunk: later('putChunk'),
    putEnd: later('putEnd'),
    exportPool: later('exportPool'),
    // Nothing was uploaded before the tools loaded, so there is nothing to place again.
    replace: (sandbox) => real?.replace(sandbox),
  };
}
