# title: Reading block 0x44f
# title.zh-CN: 读取块 0x44f
# description: A container is a thin snapshot of its image: it has no copy of the block, it points to the closest parent layer that has it.
# seed: 5.1
sudo systemctl stop docker
cat > /etc/docker/daemon.json <<'JSON'
{ "storage-driver": "devicemapper" }
JSON
sudo systemctl start docker
docker run -d --name web ubuntu sleep infinity
sim read web 0x44f
sim read web 0x0
sim read web 0x27fff
sim read web 0x20000
