// Commands the lvm layer adds to the shell.
import type { CommandTable } from '../../shell/types';
import { lvs, pvs, vgs } from './reportCommands';
import { lvdisplay, lvmdiskscan, pvdisplay, vgdisplay } from './displayCommands';
import { lvchange, lvconvert, lvcreate, lvextend, lvremove, pvcreate, pvremove, vgcreate, vgextend, vgremove } from './changeCommands';
import { aptGet, yum } from './packages';

export const commands: CommandTable = {
  pvcreate,
  pvremove,
  pvs,
  pvdisplay,
  vgcreate,
  vgextend,
  vgremove,
  vgs,
  vgdisplay,
  lvcreate,
  lvconvert,
  lvchange,
  lvextend,
  lvremove,
  lvs,
  lvdisplay,
  lvmdiskscan,
  yum,
  'apt-get': aptGet,
};
