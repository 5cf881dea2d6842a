# title: Reboot: the pool must be active before Docker starts
# title.zh-CN: 重启主机，使 devicemapper 生效
# description: After a reboot that leaves the volume group inactive, Docker fails with "Non existing device docker-thinpool"; lvchange -ay docker/thinpool brings the pool back, and the containers' data with it.
# seed: 3.3
# step: Docker on the seed's direct-lvm pool, one container with a file
sudo systemctl stop docker
sudo pvcreate /dev/xvdf
sudo vgcreate docker /dev/xvdf
sudo lvcreate --wipesignatures y -n thinpool docker -l 95%VG
sudo lvcreate --wipesignatures y -n thinpoolmeta docker -l 1%VG
sudo lvconvert -y --zero n -c 512K --thinpool docker/thinpool --poolmetadata docker/thinpoolmeta
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
docker run -d --name web busybox sleep 1d
docker exec web sh -c 'echo hello > /greeting'
# step: Reboot; this time LVM does not activate the volume group
sim reboot --no-activate
sudo systemctl status docker
sudo lvs
sudo lsblk
# step: Activate the pool and start Docker again
sudo lvchange -ay docker/thinpool
sudo lvs -o+seg_monitor
sudo systemctl start docker
docker info | grep -E 'Pool Name|Data Space'
docker start web
docker exec web cat /greeting
# step: A normal reboot: lvm2 activates and monitors the pool before Docker starts
sim reboot
sudo systemctl status docker | head -3
sudo lvs -o+seg_monitor
