# title: Two containers, ubuntu and busybox, sharing one pool
# title.zh-CN: 两个容器：ubuntu 和 busybox
# description: Each image layer is a snapshot of the one below; each container is a snapshot of its image through an -init device.
# seed: 4.2
sudo systemctl stop docker
cat > /etc/docker/daemon.json <<'JSON'
{ "storage-driver": "devicemapper" }
JSON
sudo systemctl start docker
docker pull ubuntu
docker pull busybox
docker run -d --name web ubuntu sleep infinity
docker run -d --name box busybox sleep 3600
docker ps
sudo dmsetup ls
docker info | grep 'Data Space Used'
sudo ls /var/lib/docker/devicemapper/metadata/
