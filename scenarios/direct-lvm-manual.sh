# title: Configure direct-lvm mode by hand
# title.zh-CN: 手动配置 direct-lvm 模式
# description: Build an LVM thin pool on the spare disk /dev/xvdf (PV, VG, data and metadata LVs, conversion, autoextend profile) and point Docker at it with dm.thinpooldev.
# seed: 2.2
# step: Stop Docker and check the packages
sudo systemctl stop docker
sudo yum install -y device-mapper-persistent-data lvm2
# step: Physical volume and volume group on /dev/xvdf
sudo pvcreate /dev/xvdf
sudo vgcreate docker /dev/xvdf
# step: Data and metadata logical volumes (95% and 1% of the VG)
sudo lvcreate --wipesignatures y -n thinpool docker -l 95%VG
sudo lvcreate --wipesignatures y -n thinpoolmeta docker -l 1%VG
# step: Convert them to a thin pool with 512 KiB chunks
sudo lvconvert -y \
--zero n \
-c 512K \
--thinpool docker/thinpool \
--poolmetadata docker/thinpoolmeta
# step: Autoextend profile, applied to the pool
sudo mkdir -p /etc/lvm/profile
sudo tee /etc/lvm/profile/docker-thinpool.profile <<'EOT'
activation {
  thin_pool_autoextend_threshold=80
  thin_pool_autoextend_percent=20
}
EOT
sudo lvchange --metadataprofile docker-thinpool docker/thinpool
# step: Check monitoring (see the monitoring scenario to turn it on)
sudo lvs -o+seg_monitor
# step: Move the old /var/lib/docker aside
mkdir /var/lib/docker.bk
mv /var/lib/docker/* /var/lib/docker.bk
# step: Point Docker at the pool
cat > /etc/docker/daemon.json <<'JSON'
{
    "storage-driver": "devicemapper",
    "storage-opts": [
    "dm.thinpooldev=/dev/mapper/docker-thinpool",
    "dm.use_deferred_removal=true",
    "dm.use_deferred_deletion=true"
    ]
}
JSON
sudo systemctl start docker
# step: Verify: docker info, the block devices, the mounts
docker info
sudo lsblk
mount |grep devicemapper
sudo lvs -a
# step: Remove the backup once everything works
rm -rf /var/lib/docker.bk
