// The images the sandbox can pull (Docker Hub as of March 2017): busybox, alpine, ubuntu, debian, nginx, centos.
import type { LayerEntry } from '../../fs/layerApply';
import { fill, makeImage, makeLayer, type Image, type ImageLayer } from './image';

const dirs = (...paths: string[]): LayerEntry[] => paths.map((path) => ({ kind: 'dir' as const, path }));
const text = (path: string, content: string, mode?: number): LayerEntry => ({
  kind: 'file',
  path,
  size: new TextEncoder().encode(content).length,
  text: content,
  mode,
});
const bin = (path: string, size: number): LayerEntry => ({ kind: 'file', path, size, mode: 0o755 });
const bytesOf = (entries: LayerEntry[]) => entries.reduce((s, e) => s + (e.kind === 'file' ? e.size : 0), 0);
/** A layer of `total` content bytes: the listed entries, the rest spread over `bulk` paths. */
const sized = (createdBy: string, total: number, entries: LayerEntry[], bulk: string[]): ImageLayer =>
  makeLayer({ createdBy, entries: [...entries, ...fill(bulk, total - bytesOf(entries))] });

const ROOT_DIRS = dirs('/bin', '/dev', '/etc', '/home', '/lib', '/media', '/mnt', '/opt', '/proc', '/root', '/run', '/sbin', '/srv', '/sys', '/tmp', '/usr', '/usr/bin', '/usr/lib', '/usr/sbin', '/usr/share', '/var', '/var/lib', '/var/log');

const busyboxPasswd = `root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
bin:x:2:2:bin:/bin:/bin/false
sys:x:3:3:sys:/dev:/bin/false
sync:x:4:100:sync:/bin:/bin/sync
mail:x:8:8:mail:/var/spool/mail:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
operator:x:37:37:Operator:/var:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
`;
const busyboxGroup = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
wheel:x:10:root
mail:x:8:
www-data:x:33:
operator:x:37:
staff:x:50:
users:x:100:
nogroup:x:65534:
`;

const busyboxLayer = sized(
  '/bin/sh -c #(nop) ADD file:c9ecd8ff00c653fb652ad5a0a9215e1f467f0cd9933653b8a2e5e475b68597ab in / ',
  1_109_996,
  [...dirs('/bin', '/dev', '/etc', '/home', '/root', '/tmp', '/usr', '/usr/sbin', '/var', '/var/spool', '/var/spool/mail', '/var/www'), text('/etc/passwd', busyboxPasswd), text('/etc/group', busyboxGroup)],
  ['/bin/busybox'],
);

const alpineOsRelease = `NAME="Alpine Linux"
ID=alpine
VERSION_ID=3.5.2
PRETTY_NAME="Alpine Linux v3.5"
HOME_URL="http://alpinelinux.org"
BUG_REPORT_URL="http://bugs.alpinelinux.org"
`;
const alpineLayer = sized(
  '/bin/sh -c #(nop) ADD file:730030a984f5f0c5dc9b15ab61da161082b5c0f6e112a9c921b42321140c3927 in / ',
  3_986_316,
  [
    ...ROOT_DIRS,
    ...dirs('/etc/apk', '/lib/apk', '/lib/apk/db'),
    text('/etc/os-release', alpineOsRelease),
    text('/etc/alpine-release', '3.5.2\n'),
    text('/etc/apk/repositories', 'http://dl-cdn.alpinelinux.org/alpine/v3.5/main\nhttp://dl-cdn.alpinelinux.org/alpine/v3.5/community\n'),
    text('/etc/hostname', 'localhost\n'),
    bin('/bin/busybox', 817_656),
    bin('/lib/ld-musl-x86_64.so.1', 575_464),
    bin('/sbin/apk', 210_568),
  ],
  ['/lib/libcrypto.so.1.0.0', '/lib/libssl.so.1.0.0', '/usr/lib/libcurl.so.4.4.0', '/lib/apk/db/installed', '/lib/libz.so.1.2.8'],
);

const xenialOsRelease = `NAME="Ubuntu"
VERSION="16.04.2 LTS (Xenial Xerus)"
ID=ubuntu
ID_LIKE=debian
PRETTY_NAME="Ubuntu 16.04.2 LTS"
VERSION_ID="16.04"
HOME_URL="http://www.ubuntu.com/"
SUPPORT_URL="http://help.ubuntu.com/"
BUG_REPORT_URL="http://bugs.launchpad.net/ubuntu/"
VERSION_CODENAME=xenial
UBUNTU_CODENAME=xenial
`;
const xenialSources = (universe: boolean) =>
  ['xenial', 'xenial-updates', 'xenial-security']
    .map((d) => `deb http://archive.ubuntu.com/ubuntu/ ${d} main restricted\n${universe ? '' : '# '}deb http://archive.ubuntu.com/ubuntu/ ${d} universe\n`)
    .join('');
const ubuntuLayers = [
  sized(
    '/bin/sh -c #(nop) ADD file:b2f6e8f9a7c6e3d2f0e1b0d8c3a5f5e7a9d1c2b4e6f8a0c1d3e5f7a9b1c3d5e7 in / ',
    129_467_960,
    [
      ...ROOT_DIRS,
      ...dirs('/boot', '/lib64', '/etc/apt', '/var/lib/apt', '/var/lib/apt/lists', '/var/lib/apt/lists/partial', '/var/lib/dpkg'),
      text('/etc/os-release', xenialOsRelease),
      text('/etc/debian_version', 'stretch/sid\n'),
      text('/etc/hostname', 'localhost\n'),
      text('/etc/apt/sources.list', xenialSources(false)),
      { kind: 'file', path: '/var/lib/apt/lists/lock', size: 0 },
      bin('/bin/bash', 1_037_528),
      bin('/bin/ls', 126_584),
      bin('/bin/cat', 52_080),
      bin('/bin/dd', 72_632),
      bin('/bin/rm', 60_272),
      bin('/lib/x86_64-linux-gnu/libc-2.23.so', 1_868_984),
      bin('/usr/bin/apt', 83_376),
      bin('/usr/bin/dpkg', 275_456),
    ],
    [
      '/usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.21',
      '/usr/bin/perl',
      '/var/lib/dpkg/status',
      '/usr/lib/x86_64-linux-gnu/libdb-5.3.so',
      '/lib/x86_64-linux-gnu/libsystemd.so.0.14.0',
      '/usr/lib/x86_64-linux-gnu/libapt-pkg.so.5.0.0',
      '/usr/share/doc/README',
    ],
  ),
  makeLayer({
    createdBy:
      "/bin/sh -c set -xe \t\t&& echo '#!/bin/sh' > /usr/sbin/policy-rc.d \t&& echo 'exit 101' >> /usr/sbin/policy-rc.d \t&& chmod +x /usr/sbin/policy-rc.d \t\t&& dpkg-divert --local --rename --add /sbin/initctl \t&& cp -a /usr/sbin/policy-rc.d /sbin/initctl \t&& sed -i 's/^exit.*/exit 0/' /sbin/initctl \t\t&& echo 'force-unsafe-io' > /etc/dpkg/dpkg.cfg.d/docker-apt-speedup",
    entries: [
      ...dirs('/etc/dpkg', '/etc/dpkg/dpkg.cfg.d', '/etc/apt/apt.conf.d'),
      text('/usr/sbin/policy-rc.d', '#!/bin/sh\nexit 101\n', 0o755),
      text('/sbin/initctl', '#!/bin/sh\nexit 0\n', 0o755),
      text('/etc/dpkg/dpkg.cfg.d/docker-apt-speedup', 'force-unsafe-io\n'),
      text('/etc/apt/apt.conf.d/docker-clean', 'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };\n'),
      text('/etc/apt/apt.conf.d/docker-no-languages', 'Acquire::Languages "none";\n'),
      text('/etc/apt/apt.conf.d/docker-gzip-indexes', 'Acquire::GzipIndexes "true"; Acquire::CompressionTypes::Order:: "gz";\n'),
      text('/var/lib/dpkg/diversions', 'https://gh.072103.xyz/sbin/initctl\n/sbin/initctl.distrib\n:\n'),
    ],
  }),
  makeLayer({
    createdBy: '/bin/sh -c rm -rf /var/lib/apt/lists/*',
    entries: [
      { kind: 'whiteout', path: '/var/lib/apt/lists/lock' },
      { kind: 'whiteout', path: '/var/lib/apt/lists/partial' },
    ],
  }),
  makeLayer({
    createdBy: "/bin/sh -c sed -i 's/^#\\s*\\(deb.*universe\\)$/\\1/g' /etc/apt/sources.list",
    entries: [text('/etc/apt/sources.list', xenialSources(true))],
  }),
  makeLayer({
    createdBy: "/bin/sh -c mkdir -p /run/systemd && echo 'docker' > /run/systemd/container",
    entries: [...dirs('/run/systemd'), text('/run/systemd/container', 'docker\n')],
  }),
];

const jessieOsRelease = `PRETTY_NAME="Debian GNU/Linux 8 (jessie)"
NAME="Debian GNU/Linux"
VERSION_ID="8"
VERSION="8 (jessie)"
ID=debian
HOME_URL="http://www.debian.org/"
SUPPORT_URL="http://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;
const jessieLayer = sized(
  '/bin/sh -c #(nop) ADD file:4eedf861fb567fffb2694b65ebdd58d5e371a2c28c3863f363f333cb34e5eb7b in / ',
  123_357_188,
  [
    ...ROOT_DIRS,
    ...dirs('/boot', '/lib64', '/etc/apt', '/var/lib/dpkg', '/var/log/apt'),
    text('/etc/os-release', jessieOsRelease),
    text('/etc/debian_version', '8.7\n'),
    text('/etc/hostname', 'localhost\n'),
    text('/etc/apt/sources.list', 'deb http://deb.debian.org/debian jessie main\ndeb http://deb.debian.org/debian jessie-updates main\ndeb http://security.debian.org jessie/updates main\n'),
    bin('/bin/bash', 1_029_624),
    bin('/bin/ls', 123_696),
    bin('/bin/cat', 51_856),
    bin('/bin/dd', 72_280),
    bin('/lib/x86_64-linux-gnu/libc-2.19.so', 1_738_176),
    bin('/usr/bin/apt-get', 178_016),
  ],
  ['/usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.20', '/usr/bin/perl', '/var/lib/dpkg/status', '/usr/lib/x86_64-linux-gnu/libdb-5.3.so', '/lib/systemd/libsystemd-shared.so', '/usr/share/doc/README'],
);

const nginxIndex = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
    body {
        width: 35em;
        margin: 0 auto;
        font-family: Tahoma, Verdana, Arial, sans-serif;
    }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;
const nginxLayers = [
  jessieLayer,
  sized(
    '/bin/sh -c apt-key adv --keyserver hkp://pgp.mit.edu:80 --recv-keys 573BFD6B3D8FBC641079A6ABABF5BD827BD9BF62 \t&& echo "deb http://nginx.org/packages/mainline/debian/ jessie nginx" >> /etc/apt/sources.list \t&& apt-get update \t&& apt-get install --no-install-recommends --no-install-suggests -y nginx=${NGINX_VERSION} \t&& rm -rf /var/lib/apt/lists/*',
    58_612_432,
    [
      ...dirs('/etc/nginx', '/etc/nginx/conf.d', '/usr/share/nginx', '/usr/share/nginx/html', '/var/log/nginx', '/var/cache/nginx'),
      text('/usr/share/nginx/html/index.html', nginxIndex),
      text('/etc/nginx/conf.d/default.conf', 'server {\n    listen       80;\n    server_name  localhost;\n\n    location / {\n        root   /usr/share/nginx/html;\n        index  index.html index.htm;\n    }\n}\n'),
      bin('/usr/sbin/nginx', 1_134_912),
    ],
    ['/usr/lib/x86_64-linux-gnu/libGeoIP.so.1.6.2', '/usr/lib/x86_64-linux-gnu/libxml2.so.2.9.1', '/usr/lib/nginx/modules/ngx_http_perl_module.so', '/usr/share/GeoIP/GeoIP.dat', '/var/lib/dpkg/status', '/etc/nginx/nginx.conf'],
  ),
  makeLayer({
    createdBy: '/bin/sh -c ln -sf /dev/stdout /var/log/nginx/access.log \t&& ln -sf /dev/stderr /var/log/nginx/error.log',
    entries: [text('/var/log/nginx/access.log', '/dev/stdout'), text('/var/log/nginx/error.log', '/dev/stderr')],
  }),
];

const centosLayer = sized(
  '/bin/sh -c #(nop) ADD file:29f66b8b4bafd0f005c3b2a1b3b1f4c3f7e8d3a6f0b2d9c5e4a1f6b3c8d7e2a9 in / ',
  192_476_112,
  [
    ...ROOT_DIRS,
    ...dirs('/boot', '/lib64', '/etc/yum.repos.d', '/var/lib/rpm'),
    text('/etc/centos-release', 'CentOS Linux release 7.3.1611 (Core) \n'),
    text('/etc/redhat-release', 'CentOS Linux release 7.3.1611 (Core) \n'),
    text('/etc/hostname', 'localhost.localdomain\n'),
    bin('/usr/bin/bash', 960_392),
    bin('/usr/bin/ls', 117_616),
    bin('/usr/lib64/libc-2.17.so', 2_118_128),
    bin('/usr/bin/yum', 801),
  ],
  ['/var/lib/rpm/Packages', '/usr/lib/locale/locale-archive', '/usr/lib64/python2.7/lib-dynload/_io.so', '/usr/share/doc/README', '/var/lib/rpm/Basenames'],
);

/** Every image with the tags that name it (the first tag is the one `docker images` shows by default). */
const images: { repository: string; tags: string[]; created: string; cmd: string[]; layers: ImageLayer[] }[] = [
  { repository: 'busybox', tags: ['latest', '1.26', '1.26.2'], created: '2017-03-09T18:28:04.586987216Z', cmd: ['sh'], layers: [busyboxLayer] },
  { repository: 'alpine', tags: ['latest', '3.5'], created: '2017-03-03T20:32:37.723773456Z', cmd: ['/bin/sh'], layers: [alpineLayer] },
  { repository: 'ubuntu', tags: ['latest', '16.04', 'xenial'], created: '2017-03-07T22:52:41.813417219Z', cmd: ['/bin/bash'], layers: ubuntuLayers },
  { repository: 'debian', tags: ['jessie', 'latest', '8'], created: '2017-03-21T00:05:52.428136839Z', cmd: ['/bin/bash'], layers: [jessieLayer] },
  { repository: 'nginx', tags: ['latest', '1.11'], created: '2017-03-21T18:42:08.512342164Z', cmd: ['nginx', '-g', 'daemon off;'], layers: nginxLayers },
  { repository: 'centos', tags: ['latest', '7'], created: '2017-03-03T00:21:14.209470145Z', cmd: ['/bin/bash'], layers: [centosLayer] },
];

/** The catalog: one Image per repository:tag. */
export const catalog: readonly Image[] = images.flatMap((i) => i.tags.map((tag) => makeImage(i.repository, tag, i.created, i.cmd, i.layers)));
