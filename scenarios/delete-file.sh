# title: Deleting a file that lives in an image layer
# title.zh-CN: 删除镜像层中的文件
# description: The image's blocks are not touched; the container's filesystem just says the file is gone.
# seed: 5.2
sudo systemctl stop docker
cat > /etc/docker/daemon.json <<'JSON'
{ "storage-driver": "devicemapper" }
JSON
sudo systemctl start docker
docker run -d --name web ubuntu sleep infinity
docker info | grep 'Data Space Used'
sudo dmsetup status | grep ' thin-pool '
docker exec web rm /usr/bin/perl
docker exec web cat /usr/bin/perl
docker info | grep 'Data Space Used'
sudo dmsetup status | grep ' thin-pool '
