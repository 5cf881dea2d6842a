// Seed §2.2 by hand and §3.2 §2 (resize): every figure the document shows, and the same arithmetic on other disks.
import { describe, expect, it } from 'vitest';
import { humanSize } from '../../workers/engine/units';
import { GiB, infoField, manualDirectLvm, must, seedHost, sh } from './helpers';

const MiB = 1024 ** 2;
const EXTENT = 4 * MiB;
const CHUNK = 512 * 1024;

describe('the seed procedure on the 100 GiB xvdf', () => {
  const s = seedHost();
  manualDirectLvm(s);

  it('lvs -o+seg_monitor prints the pool line of step 11', () => {
    const lines = sh(s, 'sudo lvs -o+seg_monitor').output.split('\n');
    expect(lines[1]).toMatch(/^ {2}thinpool docker twi-a-t--- 95\.00g {13}0\.0\d {3}0\.01 {29}(not )?monitored\s*$/);
  });

  it('docker info shows the pool name, block size and base device size of step 15', () => {
    expect(infoField(s, 'Pool Name')).toBe('docker-thinpool');
    expect(infoField(s, 'Pool Blocksize')).toBe('524.3 kB');
    expect(infoField(s, 'Base Device Size')).toBe('10.74 GB');
    expect(infoField(s, 'Backing Filesystem')).toBe('xfs');
  });

  it('docker info shows blank data and metadata files for an external pool', () => {
    expect(infoField(s, 'Data file')).toBe('');
    expect(infoField(s, 'Metadata file')).toBe('');
    expect(sh(s, 'docker info').output).not.toContain('loop file');
  });

  it('docker info shows the data space figures of step 15 (38 chunks of 194552)', () => {
    expect(infoField(s, 'Data Space Used')).toBe('19.92 MB');
    expect(infoField(s, 'Data Space Total')).toBe('102 GB');
    expect(infoField(s, 'Data Space Available')).toBe('102 GB');
  });

  it('docker info shows the metadata figures of step 15 (36 of 261120 blocks)', () => {
    expect(infoField(s, 'Metadata Space Used')).toBe('147.5 kB');
    expect(infoField(s, 'Metadata Space Total')).toBe('1.07 GB');
    expect(infoField(s, 'Metadata Space Available')).toBe('1.069 GB');
  });

  it('docker info shows 10% of the data space as minimum free space and deferred removal on', () => {
    expect(infoField(s, 'Thin Pool Minimum Free Space')).toBe('10.2 GB');
    expect(infoField(s, 'Deferred Removal Enabled')).toBe('true');
    expect(infoField(s, 'Deferred Deletion Enabled')).toBe('true');
    expect(infoField(s, 'Deferred Deleted Device Count')).toBe('0');
  });

  it('lsblk shows the tree of §4: tmeta 1020M, tdata and pool 95G', () => {
    expect(
      sh(s, 'sudo lsblk')
        .output.split('\n')
        .map((l) => l.trimEnd()),
    ).toEqual([
      'NAME                    MAJ:MIN RM  SIZE RO TYPE MOUNTPOINT',
      'xvda                    202:0    0    8G  0 disk',
      '└─xvda1                 202:1    0    8G  0 part /',
      'xvdf                    202:80   0  100G  0 disk',
      '├─docker-thinpool_tmeta 253:0    0 1020M  0 lvm',
      '│ └─docker-thinpool     253:2    0   95G  0 lvm',
      '└─docker-thinpool_tdata 253:1    0   95G  0 lvm',
      '  └─docker-thinpool     253:2    0   95G  0 lvm',
      '',
    ]);
  });

  it('mount shows the driver home bind-mounted from xvda1', () => {
    expect(sh(s, 'mount |grep devicemapper').output).toBe(
      '/dev/xvda1 on /var/lib/docker/devicemapper type xfs (rw,relatime,seclabel,attr2,inode64,noquota)\n',
    );
  });

  it('keeps the old /var/lib/docker in /var/lib/docker.bk until it is removed', () => {
    // The boot driver's home: overlay, as 17.03 picks on this 3.10 kernel.
    expect(sh(s, 'ls /var/lib/docker.bk').output.split('\n')).toContain('overlay');
    expect(sh(s, 'rm -rf /var/lib/docker.bk && ls -d /var/lib/docker.bk').status).not.toBe(0);
  });

  it('pvdisplay shows 770 free extents left after the pool and its spare', () => {
    const out = sh(s, 'sudo pvdisplay').output;
    expect(out).toContain('  Total PE              25599\n');
    expect(out).toContain('  Free PE               770\n');
  });
});

describe('resizing the seed pool with xvdg (§3.2 §2)', () => {
  const s = seedHost();
  manualDirectLvm(s);
  must(s, 'sim disk xvdg 100G');

  it('pvdisplay | grep VG Name names the docker volume group', () => {
    expect(sh(s, "sudo pvdisplay |grep 'VG Name'").output).toBe('  VG Name               docker\n');
  });

  it('vgextend creates the PV and extends the VG', () => {
    expect(sh(s, 'sudo vgextend docker /dev/xvdg').output).toBe(
      '  Physical volume "/dev/xvdg" successfully created.\n  Volume group "docker" successfully extended\n',
    );
  });

  it('lvextend -l+100%FREE grows tdata from 24319 to 50688 extents', () => {
    expect(sh(s, 'sudo lvextend -l+100%FREE -n docker/thinpool').output).toBe(
      '  Size of logical volume docker/thinpool_tdata changed from 95.00 GiB (24319 extents) to 198.00 GiB (50688 extents).\n' +
        '  Logical volume docker/thinpool_tdata successfully resized.\n',
    );
  });

  it('docker info follows: 212.6 GB total, minimum free space 10% of it', () => {
    expect(infoField(s, 'Data Space Total')).toBe('212.6 GB');
    expect(infoField(s, 'Data Space Available')).toBe('212.6 GB');
    expect(infoField(s, 'Thin Pool Minimum Free Space')).toBe('21.26 GB');
    expect(infoField(s, 'Metadata Space Total')).toBe('1.07 GB');
  });

  it('lsblk shows tdata on both disks at 198G', () => {
    const out = sh(s, 'sudo lsblk').output;
    expect(out).toContain(
      'xvdg                    202:96   0  100G  0 disk \n└─docker-thinpool_tdata 253:1    0  198G  0 lvm  \n',
    );
  });

  it('with no free extent left, growing tmeta fails with lvm message and changes nothing', () => {
    const r = sh(s, 'sudo lvextend -L+256M docker/thinpool_tmeta');
    expect(r.status).toBe(5);
    expect(r.output).toBe('  Insufficient free space: 64 extents needed, but only 0 available\n');
    expect(infoField(s, 'Metadata Space Total')).toBe('1.07 GB');
  });

  it('growing tmeta after adding a third disk raises the metadata total', () => {
    must(s, 'sim disk xvdh 10G', 'sudo vgextend docker /dev/xvdh', 'sudo lvextend -L+256M docker/thinpool_tmeta');
    expect(infoField(s, 'Metadata Space Total')).toBe(humanSize(319 * EXTENT, true));
  });
});

describe('the same procedure on other disks follows lvm and Docker arithmetic', () => {
  for (const { gib, data, meta } of [
    { gib: 200, data: 95, meta: 1 },
    { gib: 50, data: 80, meta: 2 },
  ]) {
    it(`${gib} GiB xvdf, ${data}%VG data and ${meta}%VG metadata`, () => {
      const s = seedHost({ xvdf: gib * GiB });
      manualDirectLvm(s, data, meta);
      const pe = Math.floor((gib * 1024 - 1) / 4);
      const dataExt = Math.floor((pe * data) / 100);
      const metaExt = Math.floor((pe * meta) / 100);
      const chunks = (dataExt * EXTENT) / CHUNK;
      expect(infoField(s, 'Data Space Total')).toBe(humanSize(chunks * CHUNK, true));
      expect(infoField(s, 'Metadata Space Total')).toBe(humanSize(metaExt * EXTENT, true));
      expect(infoField(s, 'Thin Pool Minimum Free Space')).toBe(humanSize(Math.floor(chunks / 10) * CHUNK, true));
      expect(infoField(s, 'Data Space Used')).toBe('19.92 MB');
      expect(sh(s, 'sudo vgs --noheadings -o vg_free_count').output.trim()).toBe(String(pe - dataExt - 2 * metaExt));
    });
  }
});
