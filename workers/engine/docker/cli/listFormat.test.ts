// docker ps/images/inspect/info --format on a devicemapper sandbox. Formats: cli/command/formatter (container.go,
// image.go, formatter.go: "Template parsing error: %v\n"), cli/command/inspect/inspector.go (missingkey=error
// fallback, StatusError 64 on parse), go-units HumanSizeWithPrecision(…, 3) with 17.03's space before the unit.
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../../sandbox';
import { tabwrite } from './tabwriter';

function withWeb(): Sandbox {
  const sb = new Sandbox();
  const r = sb.run(`systemctl stop docker
echo '{"storage-driver": "devicemapper"}' > /etc/docker/daemon.json
systemctl start docker
docker pull busybox
docker run -d --name web busybox sleep 3600`);
  if (!r.ok || r.entries.some((e) => e.status !== 0)) throw new Error('setup failed');
  return sb;
}

function run(sb: Sandbox, cmd: string) {
  const r = sb.run(cmd);
  if (!r.ok) throw new Error(r.error.message);
  const e = r.entries[r.entries.length - 1];
  return { output: e.output, status: e.status };
}

describe('tabwriter (minwidth 20, padding 3)', () => {
  it('pads tab-terminated cells to the widest in their column block; the last cell is not padded', () => {
    expect(tabwrite('A\tB\nxxxxxxxxxxxxxxxxxxxx\ty\n')).toBe(`A${' '.repeat(22)}B\n${'x'.repeat(20)}   y\n`);
  });
});

describe('docker ps', () => {
  it("-s adds SIZE: the rw layer's new files (3 MiB = 3.15 MB) and the virtual size with the 1.11 MB image", () => {
    const sb = withWeb();
    run(sb, 'docker exec web dd if=/dev/zero of=/big bs=1M count=3');
    const out = run(sb, 'docker ps -s').output.split('\n');
    expect(out[0]).toMatch(/NAMES {15}SIZE$/);
    expect(out[1]).toMatch(/web {17}3\.15 MB \(virtual 4\.26 MB\)$/);
  });
  it('--format prints the fields per container; table adds the headers of the fields used', () => {
    const sb = withWeb();
    expect(run(sb, "docker ps --format '{{.Names}} {{.Image}} {{.Command}}'").output).toBe(
      'web busybox "sleep 3600"\n',
    );
    expect(run(sb, 'docker ps --format "table {{.Names}}\\t{{.Size}}"').output).toBe(
      `NAMES${' '.repeat(15)}SIZE\nweb${' '.repeat(17)}0 B (virtual 1.11 MB)\n`,
    );
  });
  it("a bad field or template is the client's error, status 1", () => {
    const sb = withWeb();
    expect(run(sb, "docker ps --format '{{.Foo}}'")).toEqual({
      output:
        'Template parsing error: template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.containerContext\n\n',
      status: 1,
    });
    expect(run(sb, "docker ps --format '{{.ID}'")).toEqual({
      output: 'Template parsing error: template: :1: unexpected "}" in operand\n\n',
      status: 1,
    });
  });
  it('-f status=exited lists only stopped containers', () => {
    const sb = withWeb();
    expect(run(sb, "docker ps -f status=exited --format '{{.Names}}'").output).toBe('');
    expect(run(sb, "docker ps -f status=running --format '{{.Names}}'").output).toBe('web\n');
  });
});

describe('docker images --format', () => {
  it('prints repository, tag and size', () => {
    const sb = withWeb();
    expect(run(sb, "docker images --format '{{.Repository}}:{{.Tag}} {{.Size}}'").output).toBe(
      'busybox:latest 1.11 MB\n',
    );
  });
});

describe('docker inspect -f', () => {
  it('walks GraphDriver.Data (a map: json sorted by key) and ranges over Args', () => {
    const sb = withWeb();
    const id = run(sb, "docker inspect -f '{{.GraphDriver.Data.DeviceId}}' web").output.trim();
    expect(id).toMatch(/^\d+$/);
    expect(run(sb, "docker inspect -f '{{range .Args}}[{{.}}]{{end}} {{.State.Running}}' web").output).toBe(
      '[3600] true\n',
    );
    expect(run(sb, "docker inspect -f '{{json .GraphDriver.Data}}' web").output).toMatch(
      new RegExp(`^\\{"DeviceId":"${id}","DeviceName":"docker-[^"]+","DeviceSize":"10737418240"\\}\\n$`),
    );
  });
  it('a missing key fails on the raw fallback (missingkey=error); a bad template is status 64', () => {
    const sb = withWeb();
    expect(run(sb, "docker inspect -f '{{.Nope}}' web")).toEqual({
      output: '\nTemplate parsing error: template: :1:2: executing "" at <.Nope>: map has no entry for key "Nope"\n',
      status: 1,
    });
    expect(run(sb, "docker inspect -f '{{.Nope' web")).toEqual({
      output: 'Template parsing error: template: :1: unclosed action\n',
      status: 64,
    });
  });
});

describe('docker info --format', () => {
  it('runs on types.Info: .Driver, .Containers, the DriverStatus pairs', () => {
    const sb = withWeb();
    expect(run(sb, "docker info --format '{{.Driver}} {{.Containers}} {{.ServerVersion}}'").output).toBe(
      'devicemapper 1 17.03.1-ce\n',
    );
    expect(
      run(
        sb,
        `docker info -f '{{range .DriverStatus}}{{if eq (index . 0) "Pool Blocksize"}}{{index . 1}}{{end}}{{end}}'`,
      ).output,
    ).toBe('65.54 kB\n');
    expect(run(sb, "docker info -f '{{.Nope}}'")).toEqual({
      output: '\ntemplate: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type types.Info\n',
      status: 1,
    });
  });
});

describe('an empty daemon', () => {
  it('docker ps and docker images print only their headers; a plain format prints nothing', () => {
    const sb = new Sandbox();
    expect(run(sb, 'docker ps')).toEqual({
      output:
        'CONTAINER ID        IMAGE               COMMAND             CREATED             STATUS              PORTS               NAMES\n',
      status: 0,
    });
    expect(run(sb, 'docker images --format "table {{.Repository}}\\t{{.Size}}"')).toEqual({
      output: 'REPOSITORY          SIZE\n',
      status: 0,
    });
    expect(run(sb, 'docker ps -a --format "{{.Names}}"')).toEqual({ output: '', status: 0 });
  });
});
