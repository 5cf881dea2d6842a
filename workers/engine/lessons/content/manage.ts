// Lessons of the seed's section 3: monitoring, growing loop and direct pools, and the reboot that needs lvchange -ay.
import { tx, type Lesson } from '../types';
import { directLvm, loopLvm } from './scripts';

/** Section 3.1: lvs, dmeventd's journal and dm.min_free_space. */
export const monitoring: Lesson = {
  id: 'monitoring',
  seed: '3.1',
  title: tx('Monitor the thin pool', '监控精简池'),
  summary: tx(
    'Autoextend grows the pool only while the VG has free extents. Watch the pool with lvs and the journal, and make Docker refuse new devices before the pool is full.',
    '只有卷组还有空闲空间时，自动扩展才能扩大精简池。用 lvs 和日志监视精简池，并让 Docker 在池满之前拒绝创建新设备。',
  ),
  setup: directLvm,
  seedNote: tx(
    'The seed writes /etc/docker.daemon.json; the file is /etc/docker/daemon.json. Its example value, 10, is already Docker\'s default (Thin Pool Minimum Free Space is 10% of the pool in docker info): this lesson asks for 20%.',
    '原文写的是 /etc/docker.daemon.json；正确的文件是 /etc/docker/daemon.json。原文示例中的 10 已经是 Docker 的默认值（docker info 中 Thin Pool Minimum Free Space 为精简池的 10%）：本课设置为 20%。',
  ),
  steps: [
    {
      title: tx('Look at the pool with lvs -a', '用 lvs -a 查看精简池'),
      text: tx('-a shows the hidden data and metadata volumes and the spare metadata volume.', '-a 会显示隐藏的数据卷、元数据卷和备用元数据卷。'),
      commands: `sudo lvs -a\nsudo lvs -o+seg_monitor\njournalctl -u dm-event.service`,
      goals: [{ id: 'lvm.monitored:docker/thinpool', label: tx('the pool is monitored', '精简池处于监视状态') }],
      hint: tx('lvs -a; journalctl -u dm-event.service', 'lvs -a；journalctl -u dm-event.service'),
    },
    {
      title: tx('Keep 20% free with dm.min_free_space', '用 dm.min_free_space 保留 20% 空闲'),
      text: tx('Docker then refuses to create devices when less than 20% of the pool is free (the default is 10%).', '这样当精简池的空闲空间少于 20% 时，Docker 会拒绝创建设备（默认值是 10%）。'),
      commands: `sudo systemctl stop docker
cat > /etc/docker/daemon.json <<'JSON'
{
    "storage-driver": "devicemapper",
    "storage-opts": [
    "dm.thinpooldev=/dev/mapper/docker-thinpool",
    "dm.use_deferred_removal=true",
    "dm.use_deferred_deletion=true",
    "dm.min_free_space=20%"
    ]
}
JSON
sudo systemctl start docker
docker info | grep 'Minimum Free'`,
      goals: [{ id: 'docker.minFreeSpace:20', label: tx('Docker keeps 20% free', 'Docker 保留 20% 空闲空间') }],
      hint: tx('"dm.min_free_space=20%" in storage-opts', '在 storage-opts 中加入 "dm.min_free_space=20%"'),
    },
  ],
};

/** Section 3.2.1: truncate, losetup -c, dmsetup reload with the new length in 512-byte sectors. */
export const resizeLoop: Lesson = {
  id: 'resize-loop',
  seed: '3.2.1',
  title: tx('Grow a loop-lvm thin pool', '调整 loop-lvm 精简池'),
  summary: tx(
    'Three layers must learn the new size one after the other: the sparse file, the loop device, the pool table.',
    '三层需要依次知道新的大小：稀疏文件、回环设备、精简池的映射表。',
  ),
  setup: loopLvm,
  seedNote: tx(
    'Table lengths are in 512-byte sectors, not "512-k sectors": 100 GiB is 209715200 sectors. The files are in /var/lib/docker/devicemapper/devicemapper/. `./device_tool resize 200GB` does all three steps at once.',
    '映射表中的长度单位是 512 字节的扇区，而不是 “512-k 扇区”：100 GiB 是 209715200 个扇区。文件位于 /var/lib/docker/devicemapper/devicemapper/。`./device_tool resize 200GB` 可以一次完成这三步。',
  ),
  steps: [
    {
      title: tx('Grow the data file', '扩大数据文件'),
      text: tx('truncate changes the apparent size of the sparse file; nothing is written.', 'truncate 改变稀疏文件的表观大小，不写入任何数据。'),
      commands: `docker info |grep 'loop file'\nsudo ls -lh /var/lib/docker/devicemapper/devicemapper/\nsudo truncate -s 200G /var/lib/docker/devicemapper/devicemapper/data\nsudo ls -lh /var/lib/docker/devicemapper/devicemapper/`,
      goals: [{ id: 'file.size:/var/lib/docker/devicemapper/devicemapper/data:200G', label: tx('the data file is 200 GiB', '数据文件为 200 GiB') }],
      hint: tx('truncate -s 200G FILE', 'truncate -s 200G 文件'),
    },
    {
      title: tx('Tell the loop device', '通知回环设备'),
      text: tx('The loop device keeps its old capacity until losetup -c re-reads the file.', '在 losetup -c 重新读取文件之前，回环设备保持原来的容量。'),
      commands: `echo $[ $(sudo blockdev --getsize64 /dev/loop0) / 1024 / 1024 / 1024 ]\nsudo losetup -c /dev/loop0\necho $[ $(sudo blockdev --getsize64 /dev/loop0) / 1024 / 1024 / 1024 ]`,
      goals: [{ id: 'loop.size:/dev/loop0:200G', label: tx('/dev/loop0 is 200 GiB', '/dev/loop0 为 200 GiB') }],
      hint: tx('losetup -c /dev/loop0', 'losetup -c /dev/loop0'),
    },
    {
      title: tx('Reload the pool table', '重新加载精简池映射表'),
      text: tx('Suspend, reload with the new length (blockdev --getsz gives it in sectors), resume.', '挂起，用新长度重新加载（blockdev --getsz 以扇区为单位给出），再恢复。'),
      commands: `POOL=$(sudo dmsetup status | grep ' thin-pool ' | awk -F ': ' {'print $1'})
sudo dmsetup table $POOL
sudo dmsetup suspend $POOL
sudo dmsetup reload $POOL --table "0 $(sudo blockdev --getsz /dev/loop0) thin-pool 7:1 7:0 128 32768 1 skip_block_zeroing"
sudo dmsetup resume $POOL
docker info |grep 'Data Space'`,
      goals: [{ id: 'pool.dataSize:200G', label: tx('the pool has 200 GiB of data space', '精简池有 200 GiB 数据空间') }],
      hint: tx('dmsetup suspend / reload --table "0 SECTORS thin-pool …" / resume', 'dmsetup suspend / reload --table "0 扇区数 thin-pool …" / resume'),
    },
  ],
};

/** Section 3.2.2: vgextend with a new disk, lvextend -l+100%FREE. */
export const resizeDirect: Lesson = {
  id: 'resize-direct',
  seed: '3.2.2',
  title: tx('Grow a direct-lvm thin pool', '调整 direct-lvm 精简池'),
  summary: tx(
    'A new disk /dev/xvdg joins the VG; the pool\'s data volume takes all the free extents.',
    '新磁盘 /dev/xvdg 加入卷组，精简池的数据卷占用卷组的全部空闲空间。',
  ),
  setup: `${directLvm}\nsim disk xvdg 100G`,
  steps: [
    {
      title: tx('Extend the volume group', '扩展卷组'),
      text: tx('pvdisplay names the VG; vgextend initialises the disk as a PV and adds it.', 'pvdisplay 显示卷组名；vgextend 会把磁盘初始化为物理卷并加入卷组。'),
      commands: `sudo pvdisplay |grep 'VG Name'\nsudo vgextend docker /dev/xvdg`,
      goals: [{ id: 'lvm.vg:docker:/dev/xvdg', label: tx('VG docker contains /dev/xvdg', '卷组 docker 包含 /dev/xvdg') }],
      hint: tx('vgextend docker /dev/xvdg', 'vgextend docker /dev/xvdg'),
    },
    {
      title: tx('Extend the pool', '扩展精简池'),
      text: tx('-l+100%FREE uses every free extent at once, leaving nothing for autoextend.', '-l+100%FREE 立即用掉卷组的全部空闲空间，不再给自动扩展留余地。'),
      commands: `sudo lvextend -l+100%FREE -n docker/thinpool\ndocker info | grep 'Space'`,
      goals: [
        { id: 'lvm.poolFillsVg:docker/thinpool', label: tx('the pool took every free extent', '精简池占用了卷组的全部空闲空间') },
        { id: 'docker.thinpooldev:docker-thinpool', label: tx('Docker still uses it', 'Docker 仍在使用它') },
      ],
      hint: tx('lvextend -l+100%FREE docker/thinpool', 'lvextend -l+100%FREE docker/thinpool'),
    },
  ],
};

/** Section 3.3: after a reboot without activation, dockerd fails with "Non existing device". */
export const reboot: Lesson = {
  id: 'reboot',
  seed: '3.3',
  title: tx('Reboot: reactivate the pool', '重启主机后重新激活精简池'),
  summary: tx(
    'The host rebooted and LVM left the VG inactive: Docker fails with "Non existing device docker-thinpool".',
    '主机重启后 LVM 没有激活卷组：Docker 报错 “Non existing device docker-thinpool”。',
  ),
  setup: `${directLvm}\nsim reboot --no-activate`,
  steps: [
    {
      title: tx('Activate the pool', '激活精简池'),
      text: tx('systemctl status shows the failure; lvchange -ay loads the pool into device-mapper again.', 'systemctl status 显示失败原因；lvchange -ay 重新把精简池加载到 device-mapper。'),
      commands: `sudo systemctl status docker\nsudo lvchange -ay docker/thinpool`,
      goals: [{ id: 'lvm.active:docker/thinpool', label: tx('docker/thinpool is active', 'docker/thinpool 已激活') }],
      hint: tx('lvchange -ay VG/LV', 'lvchange -ay 卷组/逻辑卷'),
    },
    {
      title: tx('Start Docker', '启动 Docker'),
      text: tx('With the pool back, dockerd starts.', '精简池恢复后，dockerd 可以启动了。'),
      commands: `sudo systemctl start docker\ndocker info | grep 'Pool Name'`,
      goals: [{ id: 'docker.thinpooldev:docker-thinpool', label: tx('Docker runs on docker-thinpool', 'Docker 运行在 docker-thinpool 上') }],
      hint: tx('systemctl start docker', 'systemctl start docker'),
    },
  ],
};

/** The lessons of section 3, in the seed's order. */
export const manageLessons = [monitoring, resizeLoop, resizeDirect, reboot];
