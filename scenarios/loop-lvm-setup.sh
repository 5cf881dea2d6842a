# title: Configure loop-lvm mode for testing
# title.zh-CN: 配置 loop-lvm 模式用于测试环境
# description: Switch Docker from overlay to devicemapper; with no thin pool given, Docker creates sparse loop files and a pool on them.
# seed: 2.1
# step: Stop Docker
sudo systemctl stop docker
# step: Select the devicemapper storage driver in daemon.json
sudo mkdir -p /etc/docker
cat > /etc/docker/daemon.json <<'JSON'
{
  "storage-driver": "devicemapper"
}
JSON
# step: Start Docker
sudo systemctl start docker
# step: Verify the driver, the pool and the loop files
docker info
sudo ls -lsh /var/lib/docker/devicemapper/devicemapper/
sudo dmsetup table
sudo lsblk
