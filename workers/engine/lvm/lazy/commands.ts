// Stand-in for the lvm commands in the worker bundle (see vite.config.ts): only direct-lvm stories need them.
import { lazyLayer } from '../../shell/lazyLayers';

const names = [
  'pvcreate',
  'pvremove',
  'pvs',
  'pvdisplay',
  'vgcreate',
  'vgextend',
  'vgremove',
  'vgs',
  'vgdisplay',
  'lvcreate',
  'lvconvert',
  'lvchange',
  'lvextend',
  'lvremove',
  'lvs',
  'lvdisplay',
  'lvmdiskscan',
  'yum',
  'apt-get',
];

export const { commands } = lazyLayer('the LVM tools', names, () => import('../commands/index'));
