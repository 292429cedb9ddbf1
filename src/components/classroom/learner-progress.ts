/** The learner's progress store as the classroom reads it (src/lib/classroom/hand-in.ts `LearnerProgress`). */
import type { LearnerProgress } from '../../lib/classroom/hand-in';
import type { ProgressStore } from '../../lib/progress';

export function learnerProgress(store: ProgressStore): LearnerProgress {
  return {
    lessonVisitedAt: (slug) => store.lessonVisitedAt(slug),
    exercise: (id) => {
      const { draft, passedAt, lastRun } = store.exercise(id);
      // As the exercise's results said it (results-view.ts reportPassed): compiled, checks there, all passed.
      const lastRunPassed = lastRun ? lastRun.outcome !== 'did-not-compile' && Object.keys(lastRun.checks).length > 0 && Object.values(lastRun.checks).every((check) => check.passed) : undefined;
      return { draft, passedAt, lastRunPassed };
    },
    quizAnswers: (id) => store.quiz(id).answers,
  };
}
