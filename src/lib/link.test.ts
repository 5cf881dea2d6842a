import { describe, expect, it } from 'vitest';
import { compressToEncodedURIComponent } from 'lz-string';
import { decodeLink, encodeLink } from './link';

describe('links', () => {
  it('carry a script, a step and a view through encode and decode', () => {
    const state = { script: "docker info\ncat > /etc/docker/daemon.json <<'EOF'\n{}\nEOF", step: 1, view: 'blocks' };
    expect(decodeLink(encodeLink(state))).toEqual({ ok: true, state });
  });

  it('leave step and view out when not given', () => {
    expect(encodeLink({ script: 'lsblk' })).toBe(`#s=${compressToEncodedURIComponent('lsblk')}`);
  });

  it('read an empty hash as no state', () => {
    expect(decodeLink('')).toEqual({ ok: true, state: null });
    expect(decodeLink('#')).toEqual({ ok: true, state: null });
  });

  it('report a damaged script instead of guessing', () => {
    const r = decodeLink('#s=%%%not-lz');
    expect(r.ok).toBe(false);
  });

  it('report a step that is not a number', () => {
    expect(decodeLink(`#s=${compressToEncodedURIComponent('ls')}&step=two`)).toEqual({
      ok: false,
      reason: 'step "two" is not a number',
    });
  });

  it('keep the script text exact, spaces and unicode included', () => {
    const script = 'echo "héllo  wörld"\t# 中文';
    const r = decodeLink(encodeLink({ script }));
    expect(r.ok && r.state?.script).toBe(script);
  });
});
