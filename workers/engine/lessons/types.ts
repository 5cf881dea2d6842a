// The shape of a lesson: bilingual text, steps whose commands are the solution, goals checked on the machine.

/** Languages the lessons are written in. */
export type LessonLang = 'en' | 'zh-CN';

/** A text in every lesson language. */
export type Text = Record<LessonLang, string>;

/** A goal of a step: the check's id (see goals.ts) and what it means to the learner. */
export interface Goal {
  id: string;
  label: Text;
}

/** One step: what to do, the commands that do it (the solution), what the machine must then look like. */
export interface LessonStep {
  title: Text;
  text: Text;
  commands: string;
  goals: Goal[];
  hint: Text;
}

/** A lesson following one section of the seed document. */
export interface Lesson {
  id: string;
  /** The seed document's section number. */
  seed: string;
  title: Text;
  summary: Text;
  /** Commands run on a fresh machine before the first step (shown in the terminal like any other). */
  setup: string;
  steps: LessonStep[];
  /** Where the seed document and the real software disagree, what the software does. */
  seedNote?: Text;
}

/** Both languages at once, for terse content files. */
export function tx(en: string, zh: string): Text {
  return { en, 'zh-CN': zh };
}
