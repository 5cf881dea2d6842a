# title: A 4 KiB change costs a 64 KiB block
# title.zh-CN: 4 KiB 的修改占用一个 64 KiB 的块
# description: The pool allocates whole blocks: the smallest write to an unprovisioned or shared block provisions one pool block.
# seed: 6
sudo systemctl stop docker
cat > /etc/docker/daemon.json <<'JSON'
{ "storage-driver": "devicemapper" }
JSON
sudo systemctl start docker
docker run -d --name web ubuntu sleep infinity
sudo dmsetup status | grep ' thin-pool '
docker exec web dd if=/dev/zero of=/tiny bs=4k count=1
sudo dmsetup status | grep ' thin-pool '
