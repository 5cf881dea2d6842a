// The syntax tree of a script: lists of and-or chains of pipelines of simple and compound commands, with words still unexpanded.

/** One piece of a word; `quoted` pieces are not field-split or globbed. */
export type WordPart =
  | { kind: 'lit'; text: string; quoted: boolean }
  | { kind: 'var'; name: string; quoted: boolean; op?: ParamOp; arg?: Word }
  | { kind: 'cmdsub'; list: CommandList; quoted: boolean }
  | { kind: 'arith'; expr: Word; quoted: boolean };

/** What `${NAME<op>word}` does: defaults (`:-` `-`), assignment (`:=` `=`), alternatives (`:+` `+`), errors (`:?` `?`), prefix/suffix removal (`#` `##` `%` `%%`), or `${#NAME}` length. */
export type ParamOp = ':-' | '-' | ':=' | '=' | ':+' | '+' | ':?' | '?' | '#' | '##' | '%' | '%%' | 'length';

/** A word as written, with its position (1-based line and column). */
export interface Word {
  parts: WordPart[];
  line: number;
  col: number;
  /** The word's source text (for `type` printing a function). */
  src?: string;
}

/** A redirection: `>`/`>>`/`<` to a file, `n>&m` duplication, or a here-document body. */
export type Redirect =
  | { op: '>' | '>>' | '<'; fd: number; target: Word }
  | { op: '>&'; fd: number; toFd: number }
  | { op: '<<'; fd: number; body: Word; delimiter: string };

/** `NAME=value` before a command. */
export interface Assignment {
  name: string;
  value: Word;
}

/** A simple command: assignments, words, redirections. */
export interface SimpleCommand {
  kind: 'simple';
  assigns: Assignment[];
  words: Word[];
  redirects: Redirect[];
  line: number;
  col: number;
}

/** One `PATTERN|PATTERN) LIST` clause of `case`, with the operator that ends it (`;;` stop, `;&` fall into the next body, `;;&` test the next patterns). */
export interface CaseItem {
  patterns: Word[];
  body: CommandList;
  end: ';;' | ';&' | ';;&';
}

/** An expression inside `[[ … ]]`: words are expanded without splitting or globbing. */
export type CondExpr =
  | { kind: 'not'; expr: CondExpr }
  | { kind: 'and' | 'or'; left: CondExpr; right: CondExpr }
  | { kind: 'unary'; op: string; arg: Word }
  | { kind: 'binary'; op: string; left: Word; right: Word }
  | { kind: 'word'; word: Word };

/** What a compound command is made of (bash's `for`, `while`/`until`, `if`, `case`, `[[ ]]`, `{ }`, `( )`). */
export type CompoundBody =
  | { kind: 'for'; name: string; items: Word[] | null; body: CommandList }
  | { kind: 'while'; until: boolean; cond: CommandList; body: CommandList }
  | { kind: 'if'; clauses: { cond: CommandList; body: CommandList }[]; otherwise: CommandList | null }
  | { kind: 'case'; word: Word; items: CaseItem[] }
  | { kind: 'cond'; expr: CondExpr }
  | { kind: 'group'; body: CommandList }
  | { kind: 'subshell'; body: CommandList };

/** A compound command with the redirections written after its closing word. */
export type CompoundCommand = CompoundBody & { redirects: Redirect[]; line: number; col: number };

/** `name() compound` or `function name compound`: defines a function when it runs. */
export interface FunctionDef {
  kind: 'function';
  name: string;
  body: CompoundCommand;
  line: number;
  col: number;
}

/** One element of a pipeline. */
export type Command = SimpleCommand | CompoundCommand | FunctionDef;

/** Commands joined by `|` (`!` negates the status). */
export interface Pipeline {
  commands: Command[];
  negate: boolean;
}

/** Pipelines joined by `&&` / `||`. */
export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

/** And-or chains separated by `;`, `&` or newlines. */
export type CommandList = AndOr[];

/** A top-level command as typed: what runs, and its text (continuations and heredoc bodies included). */
export interface TopLevelCommand {
  list: CommandList;
  text: string;
  line: number;
}

/** Appends literal text to a word's parts, joining it to the last part when that is literal with the same quoting. */
export function literalAppender(parts: WordPart[]): (text: string, quoted: boolean) => void {
  return (text, quoted) => {
    const last = parts[parts.length - 1];
    if (last?.kind === 'lit' && last.quoted === quoted) last.text += text;
    else parts.push({ kind: 'lit', text, quoted });
  };
}
