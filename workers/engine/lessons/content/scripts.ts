// Command blocks several lessons share: the seed's own procedures, used as setups and as solutions.

/** Switch Docker to devicemapper with no pool given: Docker builds its loop-lvm pool. */
export const loopLvm = `sudo systemctl stop docker
cat > /etc/docker/daemon.json <<'JSON'
{
  "storage-driver": "devicemapper"
}
JSON
sudo systemctl start docker`;

/** The seed's manual direct-lvm procedure, first part: a PV and a VG on /dev/xvdf. */
export const directLvmPv = `sudo systemctl stop docker
sudo pvcreate /dev/xvdf
sudo vgcreate docker /dev/xvdf`;

/** The two LVs the pool is made of. */
export const directLvmLvs = `sudo lvcreate --wipesignatures y -n thinpool docker -l 95%VG
sudo lvcreate --wipesignatures y -n thinpoolmeta docker -l 1%VG`;

/** Converting them into a thin pool with 512 KiB chunks and no zeroing. */
export const directLvmConvert = `sudo lvconvert -y \\
--zero n \\
-c 512K \\
--thinpool docker/thinpool \\
--poolmetadata docker/thinpoolmeta`;

/** The autoextend profile, attached, and monitoring switched on. */
export const directLvmProfile = `sudo mkdir -p /etc/lvm/profile
sudo tee /etc/lvm/profile/docker-thinpool.profile <<'PROFILE'
activation {
  thin_pool_autoextend_threshold=80
  thin_pool_autoextend_percent=20
}
PROFILE
sudo lvchange --metadataprofile docker-thinpool docker/thinpool
sudo lvchange --monitor y docker/thinpool
sudo lvs -o+seg_monitor`;

/** Moving the old data root away and pointing Docker at the pool. */
export const directLvmDocker = `mkdir /var/lib/docker.bk
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
docker info`;

/** The whole manual direct-lvm setup, for lessons that start from it. */
export const directLvm = [directLvmPv, directLvmLvs, directLvmConvert, directLvmProfile, directLvmDocker].join('\n');

/** A running ubuntu container named web on the loop pool. */
export const loopWithWeb = `${loopLvm}
docker run -d --name web ubuntu sleep infinity`;
