// What the lesson features show right now: shared by the dock, the lesson panel and presenter mode.
import type { Witnesses } from './goalWitness';

/** Open panels and modes of the page. */
export const ui = $state({
  /** The lessons panel is open. */
  lessonsOpen: false,
  /** Presenter mode: large type, one view, keyboard control. */
  presenter: false,
  /** In presenter mode the terminal is folded away and the view has the whole width. */
  terminalFolded: false,
  /** The lesson being followed, if any (its id). */
  lessonId: null as string | null,
  /** Index of the lesson step shown. */
  stepIndex: 0,
});

// Kept outside the lesson view so the goals seen met survive closing and reopening the panel.
class GoalTrail {
  /** Goals seen met along the timeline (see goalWitness.ts). */
  witnessed = $state.raw<Witnesses>({});
}

/** The goals seen met along the session's timeline, shared by every lesson. */
export const goalTrail = new GoalTrail();
