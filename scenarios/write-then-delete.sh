# title: Write then delete: what gets freed in loop-lvm
# title.zh-CN: 写然后删除文件
# description: Deleting a file frees filesystem blocks, not pool blocks; fstrim (or docker rm's blkdiscard) hands them back, and in loop-lvm punches holes in the sparse data file. fstrim needs CAP_SYS_ADMIN, hence --privileged.
# seed: 5.2
sudo systemctl stop docker
cat > /etc/docker/daemon.json <<'JSON'
{ "storage-driver": "devicemapper" }
JSON
sudo systemctl start docker
docker run -d --privileged --name web ubuntu sleep infinity
docker exec web dd if=/dev/zero of=/big bs=1M count=100
docker info | grep 'Data Space Used'
sudo dmsetup status | grep ' thin-pool '
sudo du -h /var/lib/docker/devicemapper/devicemapper/data
docker exec web rm /big
docker info | grep 'Data Space Used'
sudo dmsetup status | grep ' thin-pool '
docker exec web fstrim -v /
docker info | grep 'Data Space Used'
sudo dmsetup status | grep ' thin-pool '
sudo du -h /var/lib/docker/devicemapper/devicemapper/data
