# title: Fill the thin pool: out of data space, queued writes, autoextend
# title.zh-CN: 写满精简池：数据空间耗尽、IO 排队、自动扩展
# description: A small direct-lvm pool fills up. Writes queue for 60 s and then fail, lvs shows health D, docker info shows 0 B available and Docker refuses new containers; growing the pool by hand or by dmeventd's autoextend brings it back.
# seed: 3.1
# step: A small direct-lvm pool (5% of xvdf, smaller than a container's 10 GB filesystem), not monitored yet
sudo systemctl stop docker
sudo pvcreate /dev/xvdf
sudo vgcreate docker /dev/xvdf
sudo lvcreate --wipesignatures y -n thinpool docker -l 5%VG
sudo lvcreate --wipesignatures y -n thinpoolmeta docker -l 1%VG
sudo lvconvert -y --zero n -c 512K --thinpool docker/thinpool --poolmetadata docker/thinpoolmeta
sudo mkdir -p /etc/lvm/profile
sudo tee /etc/lvm/profile/docker-thinpool.profile <<'EOT'
activation {
  thin_pool_autoextend_threshold=80
  thin_pool_autoextend_percent=20
}
EOT
sudo lvchange --metadataprofile docker-thinpool docker/thinpool
sudo lvs -o+seg_monitor
# step: Docker on the pool
mkdir /var/lib/docker.bk
mv /var/lib/docker/* /var/lib/docker.bk
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
docker run -d --privileged --name filler busybox sleep 1d
docker info | grep 'Space'
# step: Write more than the pool holds: the writes queue, then fail after 60 s
docker exec filler dd if=/dev/zero of=/fill bs=1M count=6000
sudo lvs
docker info | grep 'Data Space'
sudo dmsetup status docker-thinpool
dmesg | tail -3
# step: Docker refuses new containers while the pool is below its minimum free space
docker run -d --name second busybox sleep 1d
# step: Grow the pool by hand: the pool goes back to write mode
sudo lvextend -L+2G docker/thinpool
sudo dmsetup status docker-thinpool
docker info | grep 'Data Space'
sudo lvs
# step: Let dmeventd grow it: monitor the pool, then write past its end again
sudo lvchange --monitor y docker/thinpool
sudo lvs -o+seg_monitor
docker exec filler dd if=/dev/zero of=/more bs=1M count=2500
sudo lvs
docker info | grep 'Data Space'
journalctl -fu dm-event.service
