// Lesson progress kept in local storage: which goals were met and where each lesson stands.
import type { KeyValueStore } from '../lib/storage';

/** Progress of one lesson. */
export interface LessonProgress {
  step: number;
  met: string[];
}

/** Progress of every lesson, by lesson id. */
export type Progress = Record<string, LessonProgress>;

const key = 'dm-sandbox.lessons.v1';

/** Reads the saved progress; anything unreadable counts as none. */
export function loadProgress(store: KeyValueStore): Progress {
  try {
    const raw = JSON.parse(store.getItem(key) ?? '{}') as unknown;
    if (!raw || typeof raw !== 'object') return {};
    const out: Progress = {};
    for (const [id, p] of Object.entries(raw as Record<string, unknown>)) {
      const step = (p as LessonProgress)?.step;
      const met = (p as LessonProgress)?.met;
      if (Number.isInteger(step) && Array.isArray(met)) out[id] = { step, met: met.filter((m) => typeof m === 'string') };
    }
    return out;
  } catch {
    return {};
  }
}

/** Saves the progress. */
export function saveProgress(store: KeyValueStore, p: Progress): void {
  try {
    store.setItem(key, JSON.stringify(p));
  } catch {
    /* storage full or refused: progress lives for this page only */
  }
}

/** Progress with newly met goals added (met goals stay met: progress is what the learner achieved). */
export function withMet(p: Progress, lessonId: string, met: string[], step: number): Progress {
  const cur = p[lessonId] ?? { step: 0, met: [] };
  return { ...p, [lessonId]: { step, met: [...new Set([...cur.met, ...met])] } };
}
