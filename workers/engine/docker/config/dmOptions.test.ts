import { describe, expect, it } from 'vitest';
import { defaultDmOptions, parseDmOptions } from './dmOptions';
import { parseOverlay2Options, graphdriverFailure } from './driverOptions';
import { compareDockerVersions } from './version';

const V17 = '17.03.1-ce';
const V1706 = '17.06.0-ce';
const V18 = '18.09.0';
const GiB = 1024 ** 3;
const error = (opts: string[], v = V1706) => {
  const r = parseDmOptions(opts, v);
  return r.ok ? 'ok' : r.error;
};

describe('dm.* defaults', () => {
  it('uses 10G base, 100G/2G loop files, 64K blocks, 10% min free space', () => {
    const o = defaultDmOptions(V17);
    expect([o.baseSize, o.loopDataSize, o.loopMetadataSize, o.blockSizeSectors, o.minFreeSpacePercent]).toEqual([
      10 * GiB,
      100 * GiB,
      2 * GiB,
      128,
      10,
    ]);
  });
  it('turns deferred removal and deletion on by default from 17.07', () => {
    expect(defaultDmOptions(V17).deferredRemoval).toBe(false);
    expect(defaultDmOptions('17.07.0-ce').deferredRemoval).toBe(true);
    expect(defaultDmOptions(V18).deferredDeletion).toBe(true);
  });
  it('turns blkdiscard off for a thin pool device unless given', () => {
    const r = parseDmOptions(['dm.thinpooldev=/dev/mapper/docker-thinpool'], V17);
    expect(r.ok && r.options.blkDiscard).toBe(false);
    expect(r.ok && r.options.thinPoolDevice).toBe('docker-thinpool');
    const r2 = parseDmOptions(['dm.thinpooldev=docker-thinpool', 'dm.blkdiscard=true'], V17);
    expect(r2.ok && r2.options.blkDiscard).toBe(true);
  });
});

describe('dm.* values', () => {
  it('lower-cases keys and trims around =', () => {
    const r = parseDmOptions([' DM.BaseSize = 20G '], V17);
    expect(r.ok && r.options.baseSize).toBe(20 * GiB);
    expect(r.ok && r.options.userBaseSize).toBe(true);
  });
  it('converts dm.blocksize to sectors', () => {
    const r = parseDmOptions(['dm.blocksize=512K'], V17);
    expect(r.ok && r.options.blockSizeSectors).toBe(1024);
  });
  it('accumulates mkfsarg and joins mountopt with commas', () => {
    const r = parseDmOptions(
      ['dm.mkfsarg=-K', 'dm.mountopt=nodiscard', 'dm.mkfsarg=-i size=512', 'dm.mountopt=noatime'],
      V17,
    );
    expect(r.ok && r.options.mkfsArgs).toEqual(['-K', '-i size=512']);
    expect(r.ok && r.options.mountOptions).toBe('nodiscard,noatime');
  });
  it('lets later duplicates win', () => {
    const r = parseDmOptions(['dm.basesize=20G', 'dm.basesize=30G'], V17);
    expect(r.ok && r.options.baseSize).toBe(30 * GiB);
  });
});

describe('dm.* errors', () => {
  it.each([
    [['dm.basesize'], 'Unable to parse key/value option: dm.basesize'],
    [['dm.basesize=20GiB'], "invalid size: '20GiB'"],
    [['dm.basesize=abc'], "invalid size: 'abc'"],
    [['dm.fs=btrfs'], 'devmapper: Unsupported filesystem btrfs\n'],
    [['dm.foo=1'], 'devmapper: Unknown option dm.foo\n'],
    [['dm.blkdiscard=yes'], 'strconv.ParseBool: parsing "yes": invalid syntax'],
    [['dm.use_deferred_removal=on'], 'strconv.ParseBool: parsing "on": invalid syntax'],
    [['dm.min_free_space=10'], 'devmapper: Option dm.min_free_space requires % suffix'],
    [['dm.min_free_space=x%'], 'strconv.ParseUint: parsing "x": invalid syntax'],
    [['dm.min_free_space=100%'], 'devmapper: Invalid value 100% for option dm.min_free_space'],
    [['dm.xfs_nospace_max_retries=-1'], 'strconv.ParseUint: parsing "-1": invalid syntax'],
    [
      ['dm.thinp_percent=abc'],
      'could not parse `dm.thinp_percent=abc`: strconv.ParseUint: parsing "abc": invalid syntax',
    ],
    [['dm.thinp_percent=100'], 'dm.thinp_percent must be greater than 0 and less than 100'],
    [['dm.thinp_metapercent=100'], 'dm.thinp_metapercent must be greater than 0 and less than 100'],
    [['dm.thinp_autoextend_threshold=101'], 'dm.thinp_autoextend_threshold must be greater than 0 and less than 100'],
    [['dm.thinp_autoextend_percent=101'], 'dm.thinp_autoextend_percent must be greater than 0 and less than 100'],
    [['dm.thinp_percent=95'], 'must provide device path in `dm.directlvm_device` in order to configure direct-lvm'],
    [
      ['dm.directlvm_device=/dev/xvdf', 'dm.thinp_percent=95'],
      'must set both `dm.thinp_percent` and `dm.thinp_metapercent` if either is specified',
    ],
    [
      ['dm.directlvm_device=/dev/xvdf', 'dm.thinp_percent=95', 'dm.thinp_metapercent=6'],
      'combined `dm.thinp_percent` and `dm.thinp_metapercent` must not be greater than 100',
    ],
    [
      ['dm.directlvm_device=/dev/xvdf', 'dm.thinpooldev=docker-thinpool'],
      'cannot setup direct-lvm when `dm.thinpooldev` is also specified',
    ],
    [
      ['dm.use_deferred_deletion=true'],
      'devmapper: Deferred deletion can not be enabled as deferred removal is not enabled. Enable deferred removal using --storage-opt dm.use_deferred_removal=true parameter',
    ],
  ])('%j → %j', (opts, expected) =>
    expect(error(opts as string[], opts[0] === 'dm.use_deferred_deletion=true' ? V17 : V1706)).toBe(expected),
  );

  it('accepts 100 for the autoextend threshold but not for thinp_percent', () => {
    expect(error(['dm.directlvm_device=/dev/xvdf', 'dm.thinp_autoextend_threshold=100'])).toBe('ok');
  });
  it('accepts the seed direct-lvm option set (with force=false not counting)', () => {
    const r = parseDmOptions(
      [
        'dm.directlvm_device=/dev/xdf',
        'dm.thinp_percent=95',
        'dm.thinp_metapercent=1',
        'dm.thinp_autoextend_threshold=80',
        'dm.thinp_autoextend_percent=20',
        'dm.directlvm_device_force=false',
      ],
      V1706,
    );
    expect(r.ok && r.options.directLvm).toEqual({
      device: '/dev/xdf',
      thinpPercent: 95,
      thinpMetaPercent: 1,
      autoExtendPercent: 20,
      autoExtendThreshold: 80,
    });
  });
  it('does not know direct-lvm options in 17.03', () => {
    expect(error(['dm.directlvm_device=/dev/xvdf'], V17)).toBe('devmapper: Unknown option dm.directlvm_device\n');
  });
  it('fails deletion-only on a capable 18.09 host when removal is switched off', () => {
    expect(error(['dm.use_deferred_removal=false'], V18)).toMatch(/^devmapper: Deferred deletion can not be enabled/);
  });
  it('refuses deferred removal without kernel support', () => {
    const r = parseDmOptions(['dm.use_deferred_removal=true'], V17, {
      kernelDeferredRemoval: false,
      libdmDeferredRemoval: true,
    });
    expect(!r.ok && r.error).toBe('devmapper: Deferred removal can not be enabled as kernel does not support it');
  });
  it('accepts 10GiB from 18.09 on (go-units with the i suffix)', () => {
    expect(error(['dm.basesize=10GiB'], V18)).toBe('ok');
  });
  it('checks libdm_log_level range', () => {
    expect(error(['dm.libdm_log_level=8'], V18)).toBe('dm.libdm_log_level must be in range [2,7]');
    expect(error(['dm.libdm_log_level=x'], V18)).toBe(
      'could not parse `dm.libdm_log_level=x`: strconv.ParseInt: parsing "x": invalid syntax',
    );
  });
});

describe('driver failures', () => {
  it('makes overlay2 refuse dm options', () => {
    expect(parseOverlay2Options(['dm.thinpooldev=/dev/mapper/docker-thinpool'], V17)).toEqual({
      ok: false,
      error: 'overlay2: unknown option dm.thinpooldev',
    });
  });
  it('reads overlay2.override_kernel_check as a Go bool, case-insensitive key', () => {
    expect(parseOverlay2Options(['Overlay2.Override_Kernel_Check=1'], V17)).toEqual({
      ok: true,
      overrideKernelCheck: true,
    });
    expect(parseOverlay2Options(['overlay2.override_kernel_check=yes'], V17)).toEqual({
      ok: false,
      error: 'strconv.ParseBool: parsing "yes": invalid syntax',
    });
  });
  it('knows overlay2.size only from 17.06', () => {
    expect(parseOverlay2Options(['overlay2.size=10G'], V17)).toEqual({
      ok: false,
      error: 'overlay2: unknown option overlay2.size',
    });
    expect(parseOverlay2Options(['overlay2.size=10G'], '17.06.2-ce')).toEqual({ ok: true, overrideKernelCheck: false });
  });
  it('prefixes the daemon error by version and keeps the blank line of a trailing newline', () => {
    expect(graphdriverFailure('devicemapper: Non existing device docker-thinpool', V17)).toEqual([
      'Error starting daemon: error initializing graphdriver: devicemapper: Non existing device docker-thinpool',
    ]);
    expect(graphdriverFailure('devmapper: Unknown option dm.foo\n', V17)).toEqual([
      'Error starting daemon: error initializing graphdriver: devmapper: Unknown option dm.foo',
      '',
    ]);
    expect(graphdriverFailure('x', '19.03.0')[0]).toBe('failed to start daemon: error initializing graphdriver: x');
  });
});

describe('versions', () => {
  it('orders 17.03.1-ce < 17.06.0-ce < 18.09.0 < 19.03.0 < 20.10.0', () => {
    const vs = ['20.10.0', '17.06.0-ce', '19.03.0', '17.03.1-ce', '18.09.0'];
    expect([...vs].sort(compareDockerVersions)).toEqual(['17.03.1-ce', '17.06.0-ce', '18.09.0', '19.03.0', '20.10.0']);
  });
});
