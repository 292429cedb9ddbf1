/** The learner's progress store as the classroom reads it (src/lib/classroom/hand-in.ts `LearnerProgress`). */
import type { LearnerProgress } from '../../lib/classroom/hand-in';
import type { ProgressStore } from '../../lib/progress';

export function learnerProgress(store: ProgressStore): LearnerProgress {
  return {
    lessonVisitedAt: (slug) => store.lessonVisitedAt(slug),
    exercise: (id) => store.exercise(id),
    quizAnswers: (id) => store.quiz(id).answers,
  };
}
