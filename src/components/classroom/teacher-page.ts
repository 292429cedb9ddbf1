/**
 * The teacher's page in the browser: the assignment builder and the grading of hand-ins. Quiz answers are
 * graded again with the lessons' own grader (src/components/quiz/grade.ts) over the questions as the lessons
 * prepare them, embedded at build time.
 */
import { Course, type CourseCatalog } from '../../lib/classroom/catalog';
import type { QuizGrader } from '../../lib/classroom/gradebook';
import type { GradableExercise } from '../../lib/classroom/regrade';
import type { IslandData } from '../exercise/page-data';
import { wireBuilder } from './builder';
import type { PreparedQuestion } from '../quiz/define';
import { grade } from '../quiz/grade';
import { embedded } from './embedded';
import { wireGrading } from './grading';

/** Grades a handed-in answer with the lesson's own grader; an answer it cannot read counts as wrong. */
function quizGrader(questions: Record<string, PreparedQuestion[]>): QuizGrader {
  return (quizId, questionId, answer) => {
    const question = Object.hasOwn(questions, quizId) ? questions[quizId]!.find((candidate) => candidate.id === questionId) : undefined;
    if (!question) return null;
    const verdict = grade(question, answer);
    return verdict.kind === 'graded' && verdict.correct;
  };
}

export async function bootTeacherTools(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-teacher-tools]');
  const catalog = embedded<CourseCatalog>('course-catalog');
  const exercises = embedded<(IslandData & GradableExercise)[]>('gradable-exercises');
  const questions = embedded<Record<string, PreparedQuestion[]>>('quiz-questions') ?? {};
  if (!root || !catalog || !exercises || root.dataset.booted) return;
  root.dataset.booted = 'true';
  wireBuilder(root, new Course(catalog));
  wireGrading(root, { catalog, exercises, questions, gradeAnswer: quizGrader(questions) });
}
