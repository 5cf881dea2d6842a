// The thin-pool target's messages (dm-thin.c pool_message): parsing, the kernel's warnings, errno results.
import type { ThinPool, PoolErrno } from './thinPool';
import { MAX_DEV_ID } from './thinDevice';

const PREFIX = 'device-mapper: thin: ';

function parseUint(s: string | undefined): number | null {
  if (s === undefined || !/^\d+$/.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : null;
}

/** Runs one pool message; returns null on success or the errno name the ioctl fails with. */
export function handlePoolMessage(pool: ThinPool, argv: string[], log: (line: string) => void): string | null {
  const warn = (m: string) => log(PREFIX + m);
  const cmd = argv[0] ?? '';
  if (pool.mode === 'read-only' || pool.mode === 'fail') {
    warn(`${pool.devno}: unable to service pool target messages in READ_ONLY or FAIL mode`);
    return 'EOPNOTSUPP';
  }
  const want = (n: number): boolean => {
    if (argv.length === n) return true;
    warn(`Incorrect number of arguments for '${cmd}' message`);
    return false;
  };
  const devId = (s: string): number | null => {
    const n = parseUint(s);
    if (n === null || n > MAX_DEV_ID) {
      warn(`Message received with invalid device id: ${s}`);
      return null;
    }
    return n;
  };
  let r: PoolErrno | null;
  switch (cmd.toLowerCase()) {
    case 'create_thin': {
      if (!want(2)) return 'EINVAL';
      const id = devId(argv[1]);
      if (id === null) return 'EINVAL';
      r = pool.createThin(id);
      if (r) warn(`Creation of new thinly-provisioned device with id ${argv[1]} failed.`);
      return r;
    }
    case 'create_snap': {
      if (!want(3)) return 'EINVAL';
      const id = devId(argv[1]);
      if (id === null) return 'EINVAL';
      const origin = devId(argv[2]);
      if (origin === null) return 'EINVAL';
      r = pool.createSnap(id, origin);
      if (r) warn(`Creation of new snapshot ${argv[1]} of device ${argv[2]} failed.`);
      return r;
    }
    case 'delete': {
      if (!want(2)) return 'EINVAL';
      const id = devId(argv[1]);
      if (id === null) return 'EINVAL';
      r = pool.deleteThin(id);
      if (r) warn(`Deletion of thin device ${argv[1]} failed.`);
      return r;
    }
    case 'set_transaction_id': {
      if (!want(3)) return 'EINVAL';
      const a = parseUint(argv[1]);
      if (a === null) {
        warn(`set_transaction_id message: Unrecognised id ${argv[1]}.`);
        return 'EINVAL';
      }
      const b = parseUint(argv[2]);
      if (b === null) {
        warn(`set_transaction_id message: Unrecognised new id ${argv[2]}.`);
        return 'EINVAL';
      }
      r = pool.setTransactionId(a, b);
      if (r) warn(`Failed to change transaction id from ${argv[1]} to ${argv[2]}.`);
      return r;
    }
    case 'reserve_metadata_snap':
      if (!want(1)) return 'EINVAL';
      return pool.reserveMetadataSnap();
    case 'release_metadata_snap':
      if (!want(1)) return 'EINVAL';
      return pool.releaseMetadataSnap();
    case 'trim': {
      // trim <dev id> <new size in sectors>: an early dm-thin message, kept for old scripts
      if (!want(3)) return 'EINVAL';
      const id = devId(argv[1]);
      const size = parseUint(argv[2]);
      if (id === null || size === null) return 'EINVAL';
      return pool.trim(id, size);
    }
    default:
      warn(`Unrecognised thin pool target message received: ${cmd}`);
      return 'EINVAL';
  }
}
