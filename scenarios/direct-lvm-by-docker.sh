# title: Let Docker configure direct-lvm mode
# title.zh-CN: 允许 Docker 配置 direct-lvm 模式
# description: From Docker 17.06 on, dm.directlvm_device makes Docker run pvcreate, vgcreate, lvcreate, lvconvert and lvchange itself, write an autoextend profile and remember its settings in setup-config.json; changing them later is refused.
# seed: 2.2
# step: Install Docker 17.06 (the direct-lvm options do not exist in 17.03)
sudo systemctl stop docker
sim docker-version 17.06.2-ce
# step: The document's daemon.json names /dev/xdf, a device this host does not have
sudo mkdir -p /etc/docker
cat > /etc/docker/daemon.json <<'JSON'
{
  "storage-driver": "devicemapper",
  "storage-opts": [
    "dm.directlvm_device=/dev/xdf",
    "dm.thinp_percent=95",
    "dm.thinp_metapercent=1",
    "dm.thinp_autoextend_threshold=80",
    "dm.thinp_autoextend_percent=20",
    "dm.directlvm_device_force=false"
  ]
}
JSON
sudo systemctl start docker
sudo journalctl -u docker | grep 'Error starting daemon'
# step: With the real device Docker builds the pool
sudo sed -i 's#/dev/xdf#/dev/xvdf#' /etc/docker/daemon.json
sudo systemctl start docker
docker info
# step: What Docker ran and wrote
sudo lvs -a -o+seg_monitor
sudo lsblk
sudo cat /etc/lvm/profile/docker-thinpool.profile
sudo cat /var/lib/docker/devicemapper/setup-config.json
# step: Changing the settings afterwards is refused
sudo systemctl stop docker
sudo sed -i 's#dm.thinp_percent=95#dm.thinp_percent=90#' /etc/docker/daemon.json
sudo systemctl start docker
sudo journalctl -u docker | grep 'Error starting daemon' | tail -1
