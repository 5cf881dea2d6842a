# title: Grow a loop-lvm thin pool with device_tool
# title.zh-CN: 使用 device_tool 调整 loop-lvm 精简池
# description: contrib/docker-device-tool grows the data file, the loop device and the pool table in one go.
# seed: 3.2.1
sudo systemctl stop docker
cat > /etc/docker/daemon.json <<'JSON'
{ "storage-driver": "devicemapper" }
JSON
sudo systemctl start docker
./device_tool status
./device_tool resize 200GB
./device_tool status
docker info |grep 'Data Space'
