// A command's standard input as a stream: `read` consumes it line by line, other tools see what is left.

/** Text with a read position, shared by the commands of a loop body that all read the same redirection or pipe. */
export class Input {
  constructor(
    readonly text: string,
    public pos = 0,
  ) {}

  /** What has not been read yet (tools read it without consuming, so a loop's `read` still gets the next line). */
  rest(): string {
    return this.pos ? this.text.slice(this.pos) : this.text;
  }

  /** Consumes one line; its text without the newline and whether the newline was there, or null at end of input. */
  readLine(): { line: string; terminated: boolean } | null {
    if (this.pos >= this.text.length) return null;
    const nl = this.text.indexOf('\n', this.pos);
    const end = nl < 0 ? this.text.length : nl;
    const line = this.text.slice(this.pos, end);
    this.pos = nl < 0 ? end : end + 1;
    return { line, terminated: nl >= 0 };
  }
}
