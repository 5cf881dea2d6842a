# title: Monitor the thin pool: dmeventd, autoextend, minimum free space
# title.zh-CN: 监控精简池
# description: With monitoring on, dmeventd warns above 80% and runs lvextend --use-policies; it fails while the volume group is short and succeeds once a disk is added. Docker itself refuses new containers below dm.min_free_space.
# seed: 3.1
# step: The seed's direct-lvm pool, with Docker on it
sudo systemctl stop docker
sudo pvcreate /dev/xvdf
sudo vgcreate docker /dev/xvdf
sudo lvcreate --wipesignatures y -n thinpool docker -l 95%VG
sudo lvcreate --wipesignatures y -n thinpoolmeta docker -l 1%VG
sudo lvconvert -y --zero n -c 512K --thinpool docker/thinpool --poolmetadata docker/thinpoolmeta
sudo mkdir -p /etc/lvm/profile
printf 'activation {\n  thin_pool_autoextend_threshold=80\n  thin_pool_autoextend_percent=20\n}\n' | sudo tee /etc/lvm/profile/docker-thinpool.profile
sudo lvchange --metadataprofile docker-thinpool docker/thinpool
rm -rf /var/lib/docker/*
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
# step: Without monitoring the profile does nothing: turn it on
sudo lvs -o+seg_monitor
sudo lvchange --monitor y docker/thinpool
sudo lvs -o+seg_monitor
journalctl -fu dm-event.service
# step: Ten containers; eight of them write about 10 GB each
docker run -d --name c1 busybox sleep 1d
docker run -d --name c2 busybox sleep 1d
docker run -d --name c3 busybox sleep 1d
docker run -d --name c4 busybox sleep 1d
docker run -d --name c5 busybox sleep 1d
docker run -d --name c6 busybox sleep 1d
docker run -d --name c7 busybox sleep 1d
docker run -d --name c8 busybox sleep 1d
docker run -d --name c9 busybox sleep 1d
docker run -d --name c10 busybox sleep 1d
docker exec c1 dd if=/dev/zero of=/data bs=1M count=10000
docker exec c2 dd if=/dev/zero of=/data bs=1M count=10000
docker exec c3 dd if=/dev/zero of=/data bs=1M count=10000
docker exec c4 dd if=/dev/zero of=/data bs=1M count=10000
docker exec c5 dd if=/dev/zero of=/data bs=1M count=10000
docker exec c6 dd if=/dev/zero of=/data bs=1M count=10000
docker exec c7 dd if=/dev/zero of=/data bs=1M count=10000
docker exec c8 dd if=/dev/zero of=/data bs=1M count=10000
sudo lvs
# step: Above 80%: dmeventd warns and tries to extend, but the volume group has only 770 free extents
journalctl -fu dm-event.service
sudo vgs
# step: Past 90% used, Docker refuses new containers (dm.min_free_space, 10% by default)
docker exec c9 dd if=/dev/zero of=/data bs=1M count=8000
docker info | grep -E 'Data Space|Minimum'
docker run -d --name c11 busybox sleep 1d
# step: Add a disk to the volume group; at the next 5% step dmeventd extends the pool by 20%
sim disk xvdg 100G
sudo vgextend docker /dev/xvdg
docker exec c10 dd if=/dev/zero of=/data bs=1M count=5000
sudo lvs
journalctl -fu dm-event.service
docker info | grep -E 'Data Space|Minimum'
docker run -d --name c11 busybox sleep 1d
