/**
 * The learner's progress store as the classroom reads it (src/lib/classroom/hand-in.ts `LearnerProgress`).
 * Quiz answers come from the store's `quiz(id)` once the course has quizzes; until then there are none.
 */
import type { LearnerProgress, QuizAnswer } from '../../lib/classroom/hand-in';
import type { ProgressStore } from '../../lib/progress';

type WithQuizzes = { quiz?: (id: string) => { answers: Readonly<Record<string, QuizAnswer>> } };

export function learnerProgress(store: ProgressStore): LearnerProgress {
  return {
    lessonVisitedAt: (slug) => store.lessonVisitedAt(slug),
    exercise: (id) => store.exercise(id),
    quizAnswers: (id) => (store as unknown as WithQuizzes).quiz?.(id).answers ?? {},
  };
}
