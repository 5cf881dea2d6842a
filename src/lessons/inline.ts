// Lesson text with `code` spans, split into parts a template renders (never as HTML).

/** A run of plain text or of code. */
export interface InlinePart {
  code: boolean;
  text: string;
}

/** Splits text on backticks: odd runs are code. */
export function inlineParts(text: string): InlinePart[] {
  return text
    .split('`')
    .map((t, i) => ({ code: i % 2 === 1, text: t }))
    .filter((p) => p.text !== '');
}
