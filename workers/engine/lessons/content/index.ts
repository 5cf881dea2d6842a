// Every lesson, in the order of the seed document.
import type { Lesson } from '../types';
import { directLvmByDocker, directLvmByHand, loopLvmLesson, prerequisites } from './configure';
import { manageLessons } from './manage';
import { performance, reads, snapshots, writes } from './inside';

/** The course: the seed's sections, from prerequisites to performance. */
export const lessons: Lesson[] = [
  prerequisites,
  loopLvmLesson,
  directLvmByDocker,
  directLvmByHand,
  ...manageLessons,
  snapshots,
  reads,
  writes,
  performance,
];

/** The lesson with this id. */
export function lessonById(id: string): Lesson | undefined {
  return lessons.find((l) => l.id === id);
}
