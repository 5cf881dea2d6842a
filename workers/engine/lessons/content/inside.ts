// Lessons of the seed's sections 4 to 6: snapshots, reads, writes and deletes, and what a small write costs.
import { tx, type Lesson } from '../types';
import { loopLvm, loopWithWeb } from './scripts';

/** Section 4: every image layer is a snapshot of the one below, every container one of its image. */
export const snapshots: Lesson = {
  id: 'snapshots',
  seed: '4',
  title: tx('How it works: snapshots', '工作原理：快照'),
  summary: tx(
    'The base device holds an empty filesystem; each image layer is a thin snapshot of the layer below, each container a snapshot of its image through an -init device. Shared blocks are stored once.',
    'base device 上只有一个空文件系统；每个镜像层都是下层的精简快照，每个容器通过 -init 设备成为其镜像的快照。共享的块只存储一次。',
  ),
  setup: loopLvm,
  seedNote: tx(
    'The base device is not "the thin pool itself": it is thin device 1 in the pool, with a filesystem. The mount points are under /var/lib/docker/devicemapper/mnt/.',
    'base device 并不是“精简池本身”：它是池中的 1 号精简设备，上面有文件系统。挂载点位于 /var/lib/docker/devicemapper/mnt/。',
  ),
  steps: [
    {
      title: tx('Two images, two containers', '两个镜像，两个容器'),
      text: tx('Pull ubuntu and busybox and run one container of each. Open the Snapshots view.', '拉取 ubuntu 和 busybox，各运行一个容器。打开“快照”视图。'),
      commands: `docker pull ubuntu\ndocker pull busybox\ndocker run -d --name web ubuntu sleep infinity\ndocker run -d --name box busybox sleep 3600`,
      goals: [
        { id: 'container.running:web', label: tx('container web runs', '容器 web 在运行') },
        { id: 'container.running:box', label: tx('container box runs', '容器 box 在运行') },
      ],
      hint: tx('docker run -d --name NAME IMAGE sleep infinity', 'docker run -d --name 名称 镜像 sleep infinity'),
    },
    {
      title: tx('The devices as the OS sees them', '操作系统看到的设备'),
      text: tx('dmsetup ls lists the pool and the active thin devices; Docker keeps one JSON file per device in metadata/.', 'dmsetup ls 列出精简池和已激活的精简设备；Docker 在 metadata/ 中为每个设备保存一个 JSON 文件。'),
      commands: `sudo dmsetup ls\nsudo lsblk\nsudo ls /var/lib/docker/devicemapper/metadata/\nmount |grep devicemapper`,
      goals: [{ id: 'containers.count:2', label: tx('two containers run', '两个容器在运行') }],
      hint: tx('dmsetup ls; lsblk', 'dmsetup ls；lsblk'),
    },
  ],
};

/** Section 5.1: reading block 0x44f goes to the closest layer that has it. */
export const reads: Lesson = {
  id: 'reads',
  seed: '5.1',
  title: tx('Reading a block', '读文件'),
  summary: tx(
    'A container is a thin snapshot of its image: it has no copy of block 0x44f, its mapping points to the data block the image layer wrote.',
    '容器是镜像的精简快照：它没有块 0x44f 的副本，它的映射指向镜像层写入的数据块。',
  ),
  setup: loopLvm,
  steps: [
    {
      title: tx('Run a container', '运行容器'),
      text: tx('Start an ubuntu container named web.', '启动一个名为 web 的 ubuntu 容器。'),
      commands: 'docker run -d --name web ubuntu sleep infinity',
      goals: [
        { id: 'container.running:web', label: tx('container web runs', '容器 web 在运行') },
        { id: 'container.readsFromImage:web:0x44f', label: tx('its block 0x44f comes from the image', '它的块 0x44f 来自镜像') },
      ],
      hint: tx('docker run -d --name web ubuntu sleep infinity', 'docker run -d --name web ubuntu sleep infinity'),
    },
    {
      title: tx('Follow the read', '跟踪读操作'),
      text: tx('sim read shows the chain of snapshots and which device provided the block.', 'sim read 显示快照链，以及由哪个设备提供了这个块。'),
      commands: 'sim read web 0x44f\nsim read web 0x27fff',
      goals: [{ id: 'container.readsFromImage:web:0x44f', label: tx('still served by the image', '仍由镜像提供') }],
      hint: tx('sim read CONTAINER BLOCK', 'sim read 容器 块号'),
    },
  ],
};

/** Section 5.2: allocate on demand, copy-on-write, deleting, writing then deleting. */
export const writes: Lesson = {
  id: 'writes',
  seed: '5.2',
  title: tx('Writing and deleting files', '写文件和删除文件'),
  summary: tx(
    'New files get new blocks (allocate on demand); a changed block of an image file is copied into the container (copy-on-write); a deleted file keeps its pool blocks until a discard returns them.',
    '新文件分配新块（按需分配）；镜像中文件被修改的块会复制到容器中（写时复制）；删除的文件在丢弃（discard）之前仍占用精简池的块。',
  ),
  setup: loopLvm + '\ndocker run -d --privileged --name web ubuntu sleep infinity',
  seedNote: tx(
    'fstrim inside a container needs CAP_SYS_ADMIN (here --privileged). In loop-lvm the freed blocks are also punched out of the sparse data file, so the host gets the space back.',
    '在容器内执行 fstrim 需要 CAP_SYS_ADMIN（这里用 --privileged）。在 loop-lvm 中，释放的块也会从稀疏数据文件中打洞，主机因此收回空间。',
  ),
  steps: [
    {
      title: tx('Write a new file', '写新文件'),
      text: tx('640 KiB of new data: ten 64 KiB blocks allocated in the container\'s device.', '写入 640 KiB 新数据：精简池按需为容器的设备分配十个 64 KiB 的数据块。'),
      commands: `docker info | grep 'Data Space Used'\ndocker exec web dd if=/dev/zero of=/newfile bs=64k count=10\ndocker info | grep 'Data Space Used'`,
      goals: [{ id: 'container.exclusiveAtLeast:web:640K', label: tx('web owns at least 640 KiB of blocks', 'web 独占至少 640 KiB 的块') }],
      hint: tx('docker exec web dd if=/dev/zero of=/newfile bs=64k count=10', 'docker exec web dd if=/dev/zero of=/newfile bs=64k count=10'),
    },
    {
      title: tx('Modify and delete image files', '修改和删除镜像中的文件'),
      text: tx('Overwriting 4 KiB of /usr/bin/perl copies its block; deleting a file only changes the container\'s filesystem.', '覆盖 /usr/bin/perl 中的 4 KiB 会把它所在的整块复制到容器的设备中（写时复制）；删除文件只改变容器的文件系统。'),
      commands: `docker exec web dd if=/dev/zero of=/usr/bin/perl bs=4k count=1 seek=2 conv=notrunc\ndocker exec web rm /usr/bin/perl\ndocker exec web cat /usr/bin/perl`,
      goals: [{ id: 'container.running:web', label: tx('web still runs', 'web 仍在运行') }],
      hint: tx('dd … conv=notrunc writes in place', 'dd … conv=notrunc 原地写入'),
    },
    {
      title: tx('Write 100 MiB', '写入 100 MiB'),
      text: tx('Watch the data file\'s allocated size grow on the host.', '观察主机上数据文件已分配大小的增长。'),
      commands: `docker exec web dd if=/dev/zero of=/big bs=1M count=100\nsudo du -h /var/lib/docker/devicemapper/devicemapper/data`,
      goals: [{ id: 'container.exclusiveAtLeast:web:100M', label: tx('web owns at least 100 MiB', 'web 独占至少 100 MiB') }],
      hint: tx('dd bs=1M count=100', 'dd bs=1M count=100'),
    },
    {
      title: tx('Delete it and give the blocks back', '删除并归还块'),
      text: tx('rm frees filesystem blocks only; fstrim discards them, the pool frees them and punches holes in the data file.', 'rm 只释放文件系统中的块；fstrim 把它们丢弃（discard），精简池随之释放这些数据块，并在回环数据文件中打洞。'),
      commands: `docker exec web rm /big\ndocker info | grep 'Data Space Used'\ndocker exec web fstrim /\ndocker info | grep 'Data Space Used'\nsudo du -h /var/lib/docker/devicemapper/devicemapper/data`,
      goals: [{ id: 'container.exclusiveAtMost:web:10M', label: tx('web owns less than 10 MiB again', 'web 独占的块又降到 10 MiB 以下') }],
      hint: tx('docker exec web fstrim /', 'docker exec web fstrim /'),
    },
  ],
};

/** Section 6: the smallest write provisions a whole pool block. */
export const performance: Lesson = {
  id: 'performance',
  seed: '6',
  title: tx('Performance: the cost of a small write', '性能：小写入的代价'),
  summary: tx(
    'The pool allocates whole blocks: 4 KiB written into an unprovisioned block costs a 64 KiB block in loop-lvm (512 KiB with the seed\'s direct-lvm pool).',
    '精简池按整块分配：向未分配的块写入 4 KiB，在 loop-lvm 中要占用一个 64 KiB 的数据块（在原文的 direct-lvm 精简池中是 512 KiB）。',
  ),
  setup: loopWithWeb,
  seedNote: tx(
    'The seed says every block is "64KB": Docker\'s loop pool uses 64 KiB blocks (docker info prints 65.54 kB), but the seed\'s direct-lvm pool uses -c 512K, so there the minimum is 512 KiB.',
    '原文说每个块都是 “64KB”：Docker 的回环精简池使用 64 KiB 的块（docker info 显示 65.54 kB），但原文的 direct-lvm 精简池使用 -c 512K，所以那里的最小单位是 512 KiB。',
  ),
  steps: [
    {
      title: tx('Write 4 KiB', '写入 4 KiB'),
      text: tx('Compare the pool\'s used blocks (the 6th field of dmsetup status) before and after.', '比较写入前后精简池已用块数（dmsetup status 的第 6 个字段）。'),
      commands: `sudo dmsetup status | grep ' thin-pool '\ndocker exec web dd if=/dev/zero of=/tiny bs=4k count=1\nsudo dmsetup status | grep ' thin-pool '`,
      goals: [{ id: 'container.exclusiveAtLeast:web:64K', label: tx('a whole 64 KiB block was provisioned', '按需分配了一个完整的 64 KiB 数据块') }],
      hint: tx('docker exec web dd if=/dev/zero of=/tiny bs=4k count=1', 'docker exec web dd if=/dev/zero of=/tiny bs=4k count=1'),
    },
  ],
};
