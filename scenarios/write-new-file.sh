# title: Writing a new file: allocate on demand
# title.zh-CN: 写新文件：按需分配
# description: Each block of a new file is allocated in the container's writable layer.
# seed: 5.2
sudo systemctl stop docker
cat > /etc/docker/daemon.json <<'JSON'
{ "storage-driver": "devicemapper" }
JSON
sudo systemctl start docker
docker run -d --name web ubuntu sleep infinity
docker info | grep 'Data Space Used'
sudo dmsetup status | grep ' thin-pool '
docker exec web dd if=/dev/zero of=/newfile bs=64k count=10
docker info | grep 'Data Space Used'
sudo dmsetup status | grep ' thin-pool '
docker exec web ls -l /newfile
