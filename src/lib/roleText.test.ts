import { describe, expect, it } from 'vitest';
import { roleText } from './roleText';

const zh = { container: '容器', init: 'init 层', layer: '镜像层', base: 'base 设备' };

describe('device roles in the page language', () => {
  it('keeps the tool’s English when no words are given', () => {
    expect(roleText('container web', null)).toBe('container web');
  });

  it('names every device of a chain in the given words', () => {
    expect(roleText('container web', zh)).toBe('容器 web');
    expect(roleText('web -init', zh)).toBe('web init 层');
    expect(roleText('ubuntu:latest layer 1/5', zh)).toBe('ubuntu:latest 镜像层 1/5');
    expect(roleText('base device', zh)).toBe('base 设备');
  });

  it('leaves a role it does not know as it is', () => {
    expect(roleText('device 9 (outside this chain)', zh)).toBe('device 9 (outside this chain)');
  });
});
