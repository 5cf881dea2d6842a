import { describe, expect, it } from 'vitest';
import { parseDaemonJson } from './daemonJson';

const V17 = '17.03.1-ce';
const V18 = '18.09.0';

describe('parseDaemonJson', () => {
  it('reads the seed loop-lvm file', () => {
    const r = parseDaemonJson('{\n  "storage-driver": "devicemapper"\n}\n', V17);
    expect(r.ok && r.config.storageDriver).toBe('devicemapper');
    expect(r.ok && r.config.storageOpts).toEqual([]);
  });
  it('reads the seed direct-lvm file with its storage-opts', () => {
    const text = `{
    "storage-driver": "devicemapper",
    "storage-opts": [
    "dm.thinpooldev=/dev/mapper/docker-thinpool",
    "dm.use_deferred_removal=true",
    "dm.use_deferred_deletion=true"
    ]
}`;
    const r = parseDaemonJson(text, V17);
    expect(r.ok && r.config.storageOpts).toEqual([
      'dm.thinpooldev=/dev/mapper/docker-thinpool',
      'dm.use_deferred_removal=true',
      'dm.use_deferred_deletion=true',
    ]);
  });
  it('wraps a syntax error in the daemon line, with the blank line of versions before 18.09', () => {
    const r = parseDaemonJson('{"storage-driver": "devicemapper",}', V17);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.lines).toEqual([
      `unable to configure the Docker daemon with file /etc/docker/daemon.json: invalid character '}' looking for beginning of object key string`,
      '',
    ]);
    const r18 = parseDaemonJson('{"storage-driver": "devicemapper",}', V18);
    expect(!r18.ok && r18.lines.length).toBe(1);
  });
  it('reports an empty file as EOF', () => {
    const r = parseDaemonJson('', V17);
    expect(!r.ok && r.error).toBe('EOF');
  });
  it('names unknown keys', () => {
    const r = parseDaemonJson('{"storage-driver": "devicemapper", "storage-optz": [], "foo": 1}', V17);
    expect(!r.ok && r.error).toBe("the following directives don't match any configuration option: storage-optz, foo");
  });
  it('accepts and silently ignores the singular storage-opt (a flag name)', () => {
    const r = parseDaemonJson('{"storage-driver": "devicemapper", "storage-opt": ["dm.basesize=20G"]}', V17);
    expect(r.ok && r.config.storageOpts).toEqual([]);
  });
  it('checks keys of nested objects one level down, but not inside log-opts', () => {
    expect(parseDaemonJson('{"log-opts": {"max-size": "10m"}}', V17).ok).toBe(true);
    const r = parseDaemonJson('{"x": {"debug": true, "bogus": 1}}', V17);
    expect(!r.ok && r.error).toBe("the following directives don't match any configuration option: bogus");
  });
  it('rejects a string where storage-opts wants a list, naming the struct field from 17.06 on', () => {
    const text = '{"storage-opts": "dm.basesize=20G"}';
    const r = parseDaemonJson(text, '17.06.0-ce');
    expect(!r.ok && r.error).toBe('json: cannot unmarshal string into Go struct field Config.storage-opts of type []string');
    const old = parseDaemonJson(text, V17);
    expect(!old.ok && old.error).toBe('json: cannot unmarshal string into Go value of type []string');
  });
  it('rejects a fractional number for an int field with the number in the message', () => {
    const r = parseDaemonJson('{"mtu": 1.5}', V18);
    expect(!r.ok && r.error).toBe('json: cannot unmarshal number 1.5 into Go struct field Config.mtu of type int');
  });
  it('reports settings given both as a flag and in the file', () => {
    const r = parseDaemonJson('{"storage-driver": "devicemapper", "storage-opts": ["dm.thinpooldev=/dev/mapper/docker-thinpool"]}', V17, {
      'storage-driver': 'devicemapper',
      'storage-opt': ['dm.basesize=20G'],
    });
    expect(!r.ok && r.error).toBe(
      'the following directives are specified both as a flag and in the configuration file: ' +
        'storage-driver: (from flag: devicemapper, from file: devicemapper), ' +
        'storage-opts: (from flag: [dm.basesize=20G], from file: [dm.thinpooldev=/dev/mapper/docker-thinpool])',
    );
  });
  it('does not know data-root before 17.05', () => {
    expect(parseDaemonJson('{"data-root": "/x"}', V17).ok).toBe(false);
    expect(parseDaemonJson('{"data-root": "/x"}', V18).ok).toBe(true);
  });
  it('rejects a top-level array', () => {
    const r = parseDaemonJson('[]', V17);
    expect(!r.ok && r.error).toBe('json: cannot unmarshal array into Go value of type map[string]interface {}');
  });
});
