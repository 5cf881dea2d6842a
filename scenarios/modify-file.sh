# title: Modifying a file: copy-on-write of the changed blocks only
# title.zh-CN: 改文件：只写入修改的块
# description: The file's blocks are read from the closest layer that has them; only the blocks written get a copy in the container.
# seed: 5.2
sudo systemctl stop docker
cat > /etc/docker/daemon.json <<'JSON'
{ "storage-driver": "devicemapper" }
JSON
sudo systemctl start docker
docker run -d --name web ubuntu sleep infinity
docker info | grep 'Data Space Used'
sudo dmsetup status | grep ' thin-pool '
docker exec web dd if=/dev/zero of=/usr/bin/perl bs=4k count=1 seek=2 conv=notrunc
docker info | grep 'Data Space Used'
sudo dmsetup status | grep ' thin-pool '
