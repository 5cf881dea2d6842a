// Lessons of the seed's sections 1 and 2: prerequisites, loop-lvm, direct-lvm by Docker and by hand.
import { tx, type Lesson } from '../types';
import { directLvmConvert, directLvmDocker, directLvmLvs, directLvmProfile, directLvmPv } from './scripts';

/** Section 1: what runs now, and saving images before switching drivers. */
export const prerequisites: Lesson = {
  id: 'prerequisites',
  seed: '1',
  title: tx('Prerequisites', '先决条件'),
  summary: tx(
    'The host runs Docker 17.03.1-ce on overlay, as stock Docker on RHEL does. Switching the storage driver hides every local image and container, so save what you need first.',
    '主机上的 Docker 17.03.1-ce 当前使用 overlay，RHEL 上原始安装的 Docker 默认如此。改变存储驱动程序会使本地的镜像和容器无法访问，所以先保存需要的东西。',
  ),
  setup: '',
  steps: [
    {
      title: tx('See which storage driver Docker uses', '查看 Docker 使用的存储驱动程序'),
      text: tx(
        '`docker info` reports the storage driver. With nothing configured Docker takes the first driver that works here: overlay2 needs kernel 4.0 and RHEL 7.3 runs 3.10, so it is overlay.',
        '`docker info` 会显示存储驱动程序。没有配置时 Docker 选用第一个能用的驱动：overlay2 需要 4.0 内核，而 RHEL 7.3 是 3.10，所以是 overlay。',
      ),
      commands: `docker info | grep 'Storage Driver'`,
      goals: [{ id: 'docker.driver:overlay', label: tx('Docker runs on overlay', 'Docker 运行在 overlay 上') }],
      hint: tx('Docker is already running: just ask it.', 'Docker 已经在运行，直接查询即可。'),
    },
    {
      title: tx('Save an image with docker save', '用 docker save 保存镜像'),
      text: tx(
        'Pull busybox, then write it to a tar file that survives the driver switch.',
        '拉取 busybox，然后把它保存为 tar 文件，切换存储驱动程序后文件依然存在。',
      ),
      commands: `docker pull busybox\ndocker save -o /root/busybox.tar busybox\nls -l /root/busybox.tar`,
      goals: [
        { id: 'file.exists:/root/busybox.tar', label: tx('/root/busybox.tar exists', '/root/busybox.tar 已存在') },
      ],
      hint: tx('docker save -o FILE IMAGE', 'docker save -o 文件 镜像'),
    },
    {
      title: tx('Check the packages', '检查需要的软件包'),
      text: tx(
        'direct-lvm needs lvm2 and device-mapper-persistent-data (thin_check and friends). On this host yum finds them installed.',
        'direct-lvm 需要 lvm2 和 device-mapper-persistent-data（提供 thin_check 等工具）。这台主机上 yum 会发现它们已经安装。',
      ),
      commands: `sudo yum install -y device-mapper-persistent-data lvm2`,
      goals: [{ id: 'docker.running', label: tx('Docker still runs', 'Docker 仍在运行') }],
      hint: tx('yum install -y PACKAGE…', 'yum install -y 软件包…'),
    },
  ],
};

/** Section 2.1: Docker builds its own pool on two sparse loop files. */
export const loopLvmLesson: Lesson = {
  id: 'loop-lvm',
  seed: '2.1',
  title: tx('Configure loop-lvm mode for testing', '配置 loop-lvm 模式用于测试环境'),
  summary: tx(
    'With the devicemapper driver and no pool given, Docker creates two sparse files, attaches them to loop devices and builds a thin pool on them.',
    '选择 devicemapper 驱动且不指定精简池时，Docker 会创建两个稀疏文件，挂到回环设备上，并在其上建立精简池。',
  ),
  setup: '',
  seedNote: tx(
    'The seed prints the loop files as /var/lib/docker/devicemapper/data; Docker 17.03 really keeps them one level deeper, in /var/lib/docker/devicemapper/devicemapper/data and …/metadata.',
    '原文中回环文件是 /var/lib/docker/devicemapper/data；Docker 17.03 实际上把它们放在更深一层：/var/lib/docker/devicemapper/devicemapper/data 和 …/metadata。',
  ),
  steps: [
    {
      title: tx('Stop Docker', '停止 Docker'),
      text: tx('The driver is chosen when dockerd starts.', '存储驱动程序在 dockerd 启动时选定。'),
      commands: 'sudo systemctl stop docker',
      goals: [{ id: 'docker.stopped', label: tx('Docker is stopped', 'Docker 已停止') }],
      hint: tx('systemctl stop …', 'systemctl stop …'),
    },
    {
      title: tx('Select devicemapper in daemon.json', '在 daemon.json 中选择 devicemapper'),
      text: tx(
        'Write /etc/docker/daemon.json. If its JSON is malformed, Docker does not start.',
        '编辑 /etc/docker/daemon.json。如果 JSON 格式有误，Docker 无法启动。',
      ),
      commands: `sudo mkdir -p /etc/docker\ncat > /etc/docker/daemon.json <<'JSON'\n{\n  "storage-driver": "devicemapper"\n}\nJSON`,
      goals: [
        {
          id: 'file.mentions:/etc/docker/daemon.json:devicemapper',
          label: tx('daemon.json names devicemapper', 'daemon.json 中指定了 devicemapper'),
        },
      ],
      hint: tx("cat > /etc/docker/daemon.json <<'JSON' … JSON", "cat > /etc/docker/daemon.json <<'JSON' … JSON"),
    },
    {
      title: tx('Start Docker and verify', '启动 Docker 并验证'),
      text: tx(
        'docker info now shows the pool, its 64 KiB blocks (printed 65.54 kB), the loop devices and a 100 GB data file of which almost nothing is allocated.',
        'docker info 现在显示精简池、64 KiB 的块（显示为 65.54 kB）、回环设备，以及几乎没有分配空间的 100 GB 数据文件。',
      ),
      commands: `sudo systemctl start docker\ndocker info\nsudo ls -lsh /var/lib/docker/devicemapper/devicemapper/\nsudo lsblk`,
      goals: [
        { id: 'docker.driver:devicemapper', label: tx('Docker runs devicemapper', 'Docker 使用 devicemapper') },
        { id: 'docker.loopPool', label: tx('its pool sits on loop files', '精简池位于回环文件上') },
        { id: 'pool.dataSize:100G', label: tx('the pool has 100 GiB of data space', '精简池有 100 GiB 数据空间') },
      ],
      hint: tx('systemctl start docker, then docker info.', '先 systemctl start docker，再 docker info。'),
    },
  ],
};

/** Section 2.2, first part: dm.directlvm_device — refused by 17.03, done by Docker itself from 17.06 on. */
export const directLvmByDocker: Lesson = {
  id: 'direct-lvm-docker',
  seed: '2.2',
  title: tx('Let Docker configure direct-lvm', '允许 Docker 配置 direct-lvm 模式'),
  summary: tx(
    'Docker 17.06 and later can build the pool on a block device itself (dm.directlvm_device). This host runs 17.03.1-ce: see what that version does with the options, then upgrade and let Docker do the LVM work.',
    'Docker 17.06 及以上版本可以自己在块设备上建立精简池（dm.directlvm_device）。这台主机运行的是 17.03.1-ce：先看看这个版本如何处理这些选项，再升级，让 Docker 自己完成 LVM 的工作。',
  ),
  setup: '',
  seedNote: tx(
    'Docker 17.03 does not know dm.directlvm_device: dockerd stops with "devmapper: Unknown option dm.directlvm_device" and leaves the disk alone. The seed\'s example also says /dev/xdf for /dev/xvdf.',
    'Docker 17.03 不认识 dm.directlvm_device：dockerd 报错 “devmapper: Unknown option dm.directlvm_device” 并退出，磁盘保持不变。原文示例中的 /dev/xdf 应为 /dev/xvdf。',
  ),
  steps: [
    {
      title: tx('Try the options of the seed on 17.03', '在 17.03 上尝试原文中的选项'),
      text: tx(
        "Write the seed's daemon.json (with the right device) and start Docker.",
        '写入原文的 daemon.json（使用正确的设备名），然后启动 Docker。',
      ),
      commands: `sudo systemctl stop docker
cat > /etc/docker/daemon.json <<'JSON'
{
  "storage-driver": "devicemapper",
  "storage-opts": [
    "dm.directlvm_device=/dev/xvdf",
    "dm.thinp_percent=95",
    "dm.thinp_metapercent=1",
    "dm.thinp_autoextend_threshold=80",
    "dm.thinp_autoextend_percent=20",
    "dm.directlvm_device_force=false"
  ]
}
JSON
sudo systemctl start docker
journalctl -u docker | grep Error`,
      goals: [
        { id: 'docker.stopped', label: tx('dockerd refused to start', 'dockerd 拒绝启动') },
        { id: 'lvm.noPv:/dev/xvdf', label: tx('/dev/xvdf was left untouched', '/dev/xvdf 没有被改动') },
      ],
      hint: tx('journalctl -u docker shows why dockerd exited.', 'journalctl -u docker 显示 dockerd 退出的原因。'),
    },
    {
      title: tx('Upgrade to 17.06 and start again', '升级到 17.06 后再次启动'),
      text: tx(
        '`sim docker-version` stands for installing another Docker release. With 17.06 dockerd runs pvcreate, vgcreate, lvcreate, lvconvert and lvchange itself, writes /etc/lvm/profile/docker-thinpool.profile and remembers its settings in setup-config.json.',
        '`sim docker-version` 代表安装另一个 Docker 版本。使用 17.06 时，dockerd 会自己执行 pvcreate、vgcreate、lvcreate、lvconvert 和 lvchange，写入 /etc/lvm/profile/docker-thinpool.profile，并把设置保存在 setup-config.json 中。',
      ),
      commands: `sim docker-version 17.06.2-ce
sudo systemctl start docker
docker info | grep -E 'Pool Name|Pool Blocksize|Data Space Total'
sudo lvs -a
cat /var/lib/docker/devicemapper/setup-config.json`,
      goals: [
        { id: 'docker.driver:devicemapper', label: tx('Docker runs devicemapper', 'Docker 使用 devicemapper') },
        {
          id: 'lvm.thinPool:docker/thinpool',
          label: tx('Docker built the thin pool docker/thinpool', 'Docker 建立了精简池 docker/thinpool'),
        },
        { id: 'lvm.chunk:docker/thinpool:512K', label: tx('with 512 KiB chunks', '块大小为 512 KiB') },
      ],
      hint: tx(
        'sim docker-version 17.06.2-ce, then systemctl start docker.',
        '先 sim docker-version 17.06.2-ce，再 systemctl start docker。',
      ),
    },
  ],
};

/** Section 2.2, manual procedure: PV, VG, two LVs, lvconvert, profile, monitoring, daemon.json. */
export const directLvmByHand: Lesson = {
  id: 'direct-lvm',
  seed: '2.2',
  title: tx('Configure direct-lvm mode by hand', '手动配置 direct-lvm 模式'),
  summary: tx(
    'Build a thin pool with LVM on the spare disk /dev/xvdf, make LVM extend it automatically, and point Docker at it.',
    '用 LVM 在空闲磁盘 /dev/xvdf 上建立精简池，让 LVM 自动扩展它，并让 Docker 使用它。',
  ),
  setup: '',
  seedNote: tx(
    'Attaching the profile does not start monitoring: without `lvchange --monitor y` (or an activation that monitors) lvs reports "not monitored" and nothing autoextends.',
    '仅应用配置文件并不会开启监视：不执行 `lvchange --monitor y`（或带监视的激活），lvs 会显示 “not monitored”，也不会自动扩展。',
  ),
  steps: [
    {
      title: tx('A physical volume and a volume group', '物理卷和卷组'),
      text: tx(
        'Stop Docker, then make /dev/xvdf a PV and the VG "docker" on it. These steps destroy what the disk holds.',
        '停止 Docker，然后把 /dev/xvdf 创建为物理卷，并在其上创建卷组 “docker”。这些步骤会破坏磁盘上的数据。',
      ),
      commands: directLvmPv,
      goals: [
        { id: 'lvm.pv:/dev/xvdf', label: tx('/dev/xvdf is a PV', '/dev/xvdf 是物理卷') },
        { id: 'lvm.vg:docker:/dev/xvdf', label: tx('VG docker contains it', '卷组 docker 包含它') },
      ],
      hint: tx('pvcreate /dev/xvdf; vgcreate docker /dev/xvdf', 'pvcreate /dev/xvdf；vgcreate docker /dev/xvdf'),
    },
    {
      title: tx('Data and metadata volumes', '数据卷和元数据卷'),
      text: tx(
        '95% of the VG for data, 1% for metadata: the rest stays free for autoextend.',
        '95% 的卷组空间用于数据，1% 用于元数据，剩余空间留给自动扩展。',
      ),
      commands: directLvmLvs,
      goals: [
        { id: 'lvm.lv:docker/thinpool', label: tx('LV docker/thinpool', '逻辑卷 docker/thinpool') },
        { id: 'lvm.lv:docker/thinpoolmeta', label: tx('LV docker/thinpoolmeta', '逻辑卷 docker/thinpoolmeta') },
      ],
      hint: tx('lvcreate -n NAME docker -l PERCENT%VG', 'lvcreate -n 名称 docker -l 百分比%VG'),
    },
    {
      title: tx('Convert them into a thin pool', '转换为精简池'),
      text: tx(
        '512 KiB chunks (-c 512K), new blocks not zeroed (--zero n).',
        '块大小 512 KiB（-c 512K），新块不清零（--zero n）。',
      ),
      commands: directLvmConvert,
      goals: [
        { id: 'lvm.thinPool:docker/thinpool', label: tx('docker/thinpool is a thin pool', 'docker/thinpool 是精简池') },
        { id: 'lvm.chunk:docker/thinpool:512K', label: tx('with 512 KiB chunks', '块大小为 512 KiB') },
        { id: 'lvm.zeroOff:docker/thinpool', label: tx('and zeroing off', '新块不清零') },
      ],
      hint: tx(
        'lvconvert -y --zero n -c 512K --thinpool … --poolmetadata …',
        'lvconvert -y --zero n -c 512K --thinpool … --poolmetadata …',
      ),
    },
    {
      title: tx('Autoextend profile and monitoring', '自动扩展配置和监视'),
      text: tx(
        'At 80% full, LVM (dmeventd) adds 20%. It only watches monitored pools.',
        '使用率达到 80% 时，LVM（dmeventd）会扩展 20%。但它只处理开启了监视的精简池。',
      ),
      commands: directLvmProfile,
      goals: [
        {
          id: 'lvm.profile:docker/thinpool:docker-thinpool',
          label: tx('profile docker-thinpool attached', '已应用配置文件 docker-thinpool'),
        },
        { id: 'lvm.autoextend:docker/thinpool', label: tx('monitored, with autoextend on', '已开启监视和自动扩展') },
      ],
      hint: tx(
        'lvchange --metadataprofile …; lvchange --monitor y …',
        'lvchange --metadataprofile …；lvchange --monitor y …',
      ),
    },
    {
      title: tx('Point Docker at the pool', '让 Docker 使用这个精简池'),
      text: tx(
        'Move the old data root away, set dm.thinpooldev and start Docker: Data file and Metadata file are now empty.',
        '移走旧的数据目录，设置 dm.thinpooldev 并启动 Docker：Data file 和 Metadata file 现在是空的。',
      ),
      commands: directLvmDocker,
      goals: [
        {
          id: 'docker.thinpooldev:docker-thinpool',
          label: tx('Docker uses docker-thinpool', 'Docker 使用 docker-thinpool'),
        },
        { id: 'docker.deferredRemoval', label: tx('deferred removal is on', '已启用延迟删除') },
        { id: 'pool.blockSize:512K', label: tx('pool blocks are 512 KiB', '精简池的块为 512 KiB') },
      ],
      hint: tx('"dm.thinpooldev=/dev/mapper/docker-thinpool"', '"dm.thinpooldev=/dev/mapper/docker-thinpool"'),
    },
  ],
};
