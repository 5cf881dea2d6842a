# title: Grow a direct-lvm thin pool with a second disk
# title.zh-CN: 调整 direct-lvm 精简池
# description: Attach /dev/xvdg, add it to the docker volume group and give all free extents to the pool's data LV; docker info follows the new size. The metadata LV grows the same way through docker/thinpool_tmeta.
# seed: 3.2
# step: The seed's direct-lvm pool with Docker running on it
sudo systemctl stop docker
sudo pvcreate /dev/xvdf
sudo vgcreate docker /dev/xvdf
sudo lvcreate --wipesignatures y -n thinpool docker -l 95%VG
sudo lvcreate --wipesignatures y -n thinpoolmeta docker -l 1%VG
sudo lvconvert -y --zero n -c 512K --thinpool docker/thinpool --poolmetadata docker/thinpoolmeta
sudo mkdir -p /etc/lvm/profile
printf 'activation {\n  thin_pool_autoextend_threshold=80\n  thin_pool_autoextend_percent=20\n}\n' | sudo tee /etc/lvm/profile/docker-thinpool.profile
sudo lvchange --metadataprofile docker-thinpool docker/thinpool
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
docker pull ubuntu
docker info | grep -E 'Pool|Space'
# step: A new disk: the kernel names it xvdg
sim disk xvdg 100G
# step: 1. Find the physical volume and the volume group
sudo pvdisplay |grep 'VG Name'
sudo pvdisplay
# step: 2. Extend the volume group with the new disk
sudo vgextend docker /dev/xvdg
sudo vgs
# step: 3. Give every free extent to the pool's data
sudo lvextend -l+100%FREE -n docker/thinpool
sudo lvs -a
# step: 4. Docker sees the bigger pool
docker info | grep -E 'Pool|Space'
sudo lsblk
sudo dmsetup table docker-thinpool
# step: The metadata LV grows through docker/thinpool_tmeta: no free extent is left, so add one more disk
sudo lvextend -L+256M docker/thinpool_tmeta
sim disk xvdh 10G
sudo vgextend docker /dev/xvdh
sudo lvextend -L+256M docker/thinpool_tmeta
sudo lvs -a
docker info | grep Metadata
