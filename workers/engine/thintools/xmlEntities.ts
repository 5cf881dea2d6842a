// Decoding of XML character and entity references in attribute values and text, with expat's error names.

/** Decodes `&amp;`-style references; returns the text or an expat error message. */
export function decodeEntities(raw: string): { text: string } | { error: string } {
  let out = '';
  let i = 0;
  for (;;) {
    const amp = raw.indexOf('&', i);
    if (amp < 0) return { text: out + raw.slice(i) };
    out += raw.slice(i, amp);
    const semi = raw.indexOf(';', amp);
    if (semi < 0) return { error: 'not well-formed (invalid token)' };
    const name = raw.slice(amp + 1, semi);
    if (name.startsWith('#')) {
      const hex = name[1] === 'x';
      const digits = name.slice(hex ? 2 : 1);
      if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return { error: 'not well-formed (invalid token)' };
      const code = parseInt(digits, hex ? 16 : 10);
      if (!validXmlChar(code)) return { error: 'reference to invalid character number' };
      out += String.fromCodePoint(code);
    } else {
      const named = predefined[name];
      if (named === undefined) {
        if (!/^[A-Za-z_:][-A-Za-z0-9_.:]*$/.test(name)) return { error: 'not well-formed (invalid token)' };
        return { error: 'undefined entity' };
      }
      out += named;
    }
    i = semi + 1;
  }
}

const predefined: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function validXmlChar(c: number): boolean {
  return (
    c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff)
  );
}
