import { describe, expect, it } from 'vitest';
import { goDecode } from './goJson';

const err = (text: string) => {
  const r = goDecode(text);
  return r.ok ? 'ok' : r.error;
};

describe('Go encoding/json decoder errors', () => {
  it.each([
    ['{"storage-driver": "devicemapper",}', `invalid character '}' looking for beginning of object key string`],
    ['{"storage-opts": ["dm.basesize=20G",]}', `invalid character ']' looking for beginning of value`],
    ['{"storage-driver": "devicemapper" "debug": true}', `invalid character '"' after object key:value pair`],
    ["{'storage-driver': 'devicemapper'}", `invalid character '\\'' looking for beginning of object key string`],
    ['{"storage-driver": devicemapper}', `invalid character 'd' looking for beginning of value`],
    ['{"storage-driver": "devicemapper"', 'unexpected EOF'],
    ['', 'EOF'],
    ['  \n ', 'EOF'],
    ['{"a" 1}', `invalid character '1' after object key`],
    ['[1 2]', `invalid character '2' after array element`],
    ['{"a": tru}', `invalid character '}' in literal true (expecting 'e')`],
    ['{"a": -x}', `invalid character 'x' in numeric literal`],
    ['{"a": 1.}', `invalid character '}' after decimal point in numeric literal`],
    ['{"a": "\\q"}', `invalid character 'q' in string escape code`],
    ['{"a": "line\nbreak"}', `invalid character '\\n' in string literal`],
    ['\ufeff{}', `invalid character 'ï' looking for beginning of value`],
  ])('%j → %s', (text, expected) => expect(err(text)).toBe(expected));

  it('ignores trailing garbage after the first value', () => {
    expect(goDecode('{"debug": true} trailing }}}').ok).toBe(true);
  });
  it('keeps key order and number text', () => {
    const r = goDecode('{"b": 1.50, "a": [true, null]}');
    expect(r.ok && r.value).toEqual({
      t: 'object',
      entries: [
        ['b', { t: 'number', raw: '1.50' }],
        ['a', { t: 'array', items: [{ t: 'bool', v: true }, { t: 'null' }] }],
      ],
    });
  });
});
