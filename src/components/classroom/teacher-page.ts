/**
 * The teacher's page in the browser: the assignment builder and the grading of hand-ins. Quiz answers are
 * graded again with the lessons' own grader (src/components/quiz/grade.ts) over the questions as the lessons
 * prepare them, embedded at build time.
 */
import { Course, type CourseCatalog } from '../../lib/classroom/catalog';
import type { GradableExercise } from '../../lib/classroom/regrade';
import type { IslandData } from '../exercise/page-data';
import { wireBuilder } from './builder';
import { quizGrader, type PreparedQuizzes } from './quiz-grader';
import { embedded } from './embedded';
import { wireGrading } from './grading';

export async function bootTeacherTools(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-teacher-tools]');
  const catalog = embedded<CourseCatalog>('course-catalog');
  const exercises = embedded<(IslandData & GradableExercise)[]>('gradable-exercises');
  const questions = embedded<PreparedQuizzes>('quiz-questions') ?? {};
  if (!root || !catalog || !exercises || root.dataset.booted) return;
  root.dataset.booted = 'true';
  wireBuilder(root, new Course(catalog));
  wireGrading(root, { catalog, exercises, questions, gradeAnswer: quizGrader(questions) });
}
