// What an lvm operation printed and how it ended: lines on stdout/stderr in order, and the exit status.

/** lvm's exit statuses (tools/errors.h). */
export const ECMD_PROCESSED = 0;
export const EINVALID_CMD_LINE = 3;
export const ECMD_FAILED = 5;

/** One printed line; `fd` 1 for log_print, 2 for log_error/log_warn. */
export interface OutputLine {
  fd: 1 | 2;
  text: string;
}

/** Collects an operation's messages (indented two spaces, as lvm2 prints them) and its status. */
export class LvmOutput {
  readonly lines: OutputLine[] = [];
  status = ECMD_PROCESSED;
  /** log_print: a message on stdout. */
  print(text: string): this {
    this.lines.push({ fd: 1, text: `  ${text}` });
    return this;
  }
  /** A raw stdout line (reports, display blocks) printed as is. */
  raw(text: string): this {
    this.lines.push({ fd: 1, text });
    return this;
  }
  /** log_warn: a warning on stderr. */
  warn(text: string): this {
    this.lines.push({ fd: 2, text: `  ${text}` });
    return this;
  }
  /** log_error plus the failing status. */
  fail(text: string, status = ECMD_FAILED): this {
    this.lines.push({ fd: 2, text: `  ${text}` });
    this.status = status;
    return this;
  }
  get ok(): boolean {
    return this.status === ECMD_PROCESSED;
  }
  /** Everything printed, one line each, as a terminal shows it. */
  text(): string {
    return this.lines.map((l) => `${l.text}\n`).join('');
  }
  /** Appends another operation's lines and takes its status when it failed. */
  merge(other: LvmOutput): this {
    this.lines.push(...other.lines);
    if (!other.ok) this.status = other.status;
    return this;
  }
}
