# title: Grow a loop-lvm thin pool with the operating system's tools
# title.zh-CN: 使用操作系统工具调整 loop-lvm 精简池
# description: truncate the sparse data file, tell the loop device with losetup -c, then reload the pool table with the new length in 512-byte sectors.
# seed: 3.2.1
sudo systemctl stop docker
cat > /etc/docker/daemon.json <<'JSON'
{ "storage-driver": "devicemapper" }
JSON
sudo systemctl start docker
# step: Find the loop files
docker info |grep 'loop file'
sudo ls -lh /var/lib/docker/devicemapper/devicemapper/
# step: Grow the data file to 200G (the file, not yet the loop device)
sudo truncate -s 200G /var/lib/docker/devicemapper/devicemapper/data
sudo ls -lh /var/lib/docker/devicemapper/devicemapper/
# step: The loop device keeps its size until losetup -c
echo $[ $(sudo blockdev --getsize64 /dev/loop0) / 1024 / 1024 / 1024 ]
sudo losetup -c /dev/loop0
echo $[ $(sudo blockdev --getsize64 /dev/loop0) / 1024 / 1024 / 1024 ]
# step: Reload the pool with the new length
POOL=$(sudo dmsetup status | grep ' thin-pool ' | awk -F ': ' {'print $1'})
echo $POOL
sudo dmsetup table $POOL
sudo dmsetup suspend $POOL
sudo dmsetup reload $POOL --table "0 $(sudo blockdev --getsz /dev/loop0) thin-pool 7:1 7:0 128 32768 1 skip_block_zeroing"
sudo dmsetup resume $POOL
sudo dmsetup table $POOL
docker info |grep 'Data Space'
