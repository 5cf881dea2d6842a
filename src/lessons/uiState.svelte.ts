// What the lesson features show right now: shared by the dock, the lesson panel and presenter mode.

/** Open panels and modes of the page. */
export const ui = $state({
  /** The lessons panel is open. */
  lessonsOpen: false,
  /** Presenter mode: large type, one view, keyboard control. */
  presenter: false,
  /** The lesson being followed, if any (its id). */
  lessonId: null as string | null,
  /** Index of the lesson step shown. */
  stepIndex: 0,
});
