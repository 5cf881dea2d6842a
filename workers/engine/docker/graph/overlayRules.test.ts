import { describe, expect, it } from 'vitest';
import {
  checkOverlay2,
  dTypeMessage,
  driverPriority,
  supportsMultipleLowerDirs,
  type OverlayHost,
} from './overlayRules';

const rhel73: OverlayHost = { kernel: '3.10.0-514.el7.x86_64', backingFs: 'xfs', dType: true, initialized: false };

describe('overlay rules', () => {
  it('words the d_type message by release: a 1.16 deadline, then 17.12, then not supported', () => {
    const head =
      'overlay2: the backing xfs filesystem is formatted without d_type support, which leads to incorrect behavior. Reformat the filesystem with ftype=1 to enable d_type support.';
    expect(dTypeMessage('overlay2', 'xfs', '17.03.1-ce')).toBe(
      `${head} Running without d_type support will no longer be supported in Docker 1.16.`,
    );
    expect(dTypeMessage('overlay2', 'xfs', '17.06.2-ce')).toBe(
      `${head} Running without d_type support will no longer be supported in Docker 17.12.`,
    );
    expect(dTypeMessage('overlay2', 'xfs', '18.09.0')).toBe(
      `${head} Backing filesystems without d_type support are not supported.`,
    );
    expect(dTypeMessage('overlay', 'extfs', '18.09.0')).toBe(
      'overlay: the backing extfs filesystem is formatted without d_type support, which leads to incorrect behavior. Backing filesystems without d_type support are not supported.',
    );
  });

  it('finds multiple lower dirs on 4.x and on RHEL 7.2+ 3.10 kernels only', () => {
    expect(supportsMultipleLowerDirs('4.4.0-72-generic')).toBe(true);
    expect(supportsMultipleLowerDirs('3.10.0-514.el7.x86_64')).toBe(true);
    expect(supportsMultipleLowerDirs('3.10.0-229.el7.x86_64')).toBe(false);
    expect(supportsMultipleLowerDirs('3.16.0-29-generic')).toBe(false);
  });

  it('refuses a pre-4.0 kernel as not supported before 17.12 and probes from 17.12', () => {
    expect(checkOverlay2([], rhel73, '17.09.1-ce')).toEqual({
      ok: false,
      error: 'driver not supported',
      notSupported: true,
    });
    expect(checkOverlay2([], rhel73, '17.12.0-ce')).toEqual({ ok: true, warnings: [] });
    expect(checkOverlay2([], { ...rhel73, kernel: '3.10.0-229.el7.x86_64' }, '18.09.0')).toMatchObject({
      ok: false,
      notSupported: true,
    });
  });

  it('an unknown option is an error the priority walk does not skip', () => {
    expect(checkOverlay2(['dm.basesize=20G'], rhel73, '17.03.1-ce')).toEqual({
      ok: false,
      error: 'overlay2: unknown option dm.basesize',
      notSupported: false,
    });
  });

  it('puts overlay2 and overlay above devicemapper from 1.13', () => {
    expect(driverPriority('17.03.1-ce')).toEqual(['overlay2', 'overlay', 'devicemapper']);
    expect(driverPriority('1.12.6')).toEqual(['devicemapper', 'overlay']);
  });
});
