// The daemon.json keys dockerd knows, with their Go types, and the flag names the unknown-key check accepts.
import { atLeast } from './version';

/** Go type of a config field, as UnmarshalTypeError names it. */
export type GoType = 'string' | 'bool' | 'int' | '[]string' | 'map[string]string' | 'object';

/** A daemon.json key: its Go type and the first Docker version that knows it. */
export interface DaemonKey {
  type: GoType;
  since?: string;
}

/** Keys decoded into the daemon's Config (flag names and NamedOption names). */
export const daemonKeys: Record<string, DaemonKey> = {
  'storage-driver': { type: 'string' },
  'storage-opts': { type: '[]string' },
  graph: { type: 'string' },
  'data-root': { type: 'string', since: '17.05.0' },
  'exec-root': { type: 'string' },
  debug: { type: 'bool' },
  experimental: { type: 'bool' },
  'log-level': { type: 'string' },
  'log-driver': { type: 'string' },
  'log-opts': { type: 'map[string]string' },
  hosts: { type: '[]string' },
  labels: { type: '[]string' },
  dns: { type: '[]string' },
  'dns-opts': { type: '[]string' },
  'dns-search': { type: '[]string' },
  'insecure-registries': { type: '[]string' },
  'registry-mirrors': { type: '[]string' },
  'exec-opts': { type: '[]string' },
  'authorization-plugins': { type: '[]string' },
  'default-ulimits': { type: 'object' },
  runtimes: { type: 'object' },
  'default-runtime': { type: 'string' },
  'cluster-store': { type: 'string' },
  'cluster-store-opts': { type: 'map[string]string' },
  'cluster-advertise': { type: 'string' },
  'live-restore': { type: 'bool' },
  'userland-proxy': { type: 'bool' },
  'userland-proxy-path': { type: 'string' },
  'userns-remap': { type: 'string' },
  'selinux-enabled': { type: 'bool' },
  'max-concurrent-downloads': { type: 'int' },
  'max-concurrent-uploads': { type: 'int' },
  'shutdown-timeout': { type: 'int' },
  mtu: { type: 'int' },
  bip: { type: 'string' },
  bridge: { type: 'string' },
  'fixed-cidr': { type: 'string' },
  'fixed-cidr-v6': { type: 'string' },
  'default-gateway': { type: 'string' },
  'default-gateway-v6': { type: 'string' },
  icc: { type: 'bool' },
  ip: { type: 'string' },
  'ip-forward': { type: 'bool' },
  'ip-masq': { type: 'bool' },
  iptables: { type: 'bool' },
  ipv6: { type: 'bool' },
  group: { type: 'string' },
  pidfile: { type: 'string' },
  'cgroup-parent': { type: 'string' },
  'oom-score-adjust': { type: 'int' },
  'seccomp-profile': { type: 'string' },
  tls: { type: 'bool' },
  tlsverify: { type: 'bool' },
  tlscacert: { type: 'string' },
  tlscert: { type: 'string' },
  tlskey: { type: 'string' },
  'raw-logs': { type: 'bool' },
  'disable-legacy-registry': { type: 'bool' },
  init: { type: 'bool' },
  'init-path': { type: 'string' },
  'no-new-privileges': { type: 'bool', since: '17.05.0' },
  'metrics-addr': { type: 'string', since: '17.05.0' },
  'default-shm-size': { type: 'string', since: '17.06.0' },
  'default-address-pools': { type: 'object', since: '18.09.0' },
  builder: { type: 'object', since: '18.09.0' },
  features: { type: 'object', since: '19.03.0' },
};

/** Flag names whose JSON key differs (NamedOption): they pass the unknown-key check but are never read from the file. */
export const flagOnlyNames: Record<string, string> = {
  'storage-opt': 'storage-opts',
  host: 'hosts',
  label: 'labels',
  'dns-opt': 'dns-opts',
  'insecure-registry': 'insecure-registries',
  'registry-mirror': 'registry-mirrors',
  'exec-opt': 'exec-opts',
  'log-opt': 'log-opts',
  'default-ulimit': 'default-ulimits',
  'add-runtime': 'runtimes',
  'authorization-plugin': 'authorization-plugins',
  'cluster-store-opt': 'cluster-store-opts',
  'config-file': '',
};

/** Objects kept whole by configValuesSet; any other object's keys are checked one level down. */
export function flatOptions(version: string): string[] {
  const keys = ['cluster-store-opts', 'log-opts', 'runtimes', 'default-ulimits'];
  if (atLeast(version, '18.09.0')) keys.push('builder', 'default-address-pools');
  if (atLeast(version, '19.03.0')) keys.push('features');
  return keys;
}

/** Whether a key is known to this version (as a config key or a bare flag name). */
export function isKnownKey(key: string, version: string): boolean {
  const k = daemonKeys[key];
  if (k) return !k.since || atLeast(version, k.since);
  return key in flagOnlyNames;
}
