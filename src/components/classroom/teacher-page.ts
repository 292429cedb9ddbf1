/**
 * The teacher's page in the browser: the assignment builder and the grading of hand-ins. Quiz answers are
 * graded with the lessons' own grader (src/components/quiz/grade.ts, found by glob: without quizzes there
 * is nothing to grade).
 */
import { Course, type CourseCatalog } from '../../lib/classroom/catalog';
import type { QuizGrader } from '../../lib/classroom/gradebook';
import type { GradableExercise } from '../../lib/classroom/regrade';
import type { IslandData } from '../exercise/page-data';
import { wireBuilder } from './builder';
import type { QuestionData } from './detail-view';
import { embedded } from './embedded';
import { wireGrading } from './grading';

type GradeModule = { grade?: (question: never, given: string) => { kind: string; correct?: boolean } };
const quizGraders = import.meta.glob<GradeModule>('../quiz/grade.ts');

async function quizGrader(questions: Record<string, QuestionData[]>): Promise<QuizGrader> {
  const load = Object.values(quizGraders)[0];
  const grade = load ? (await load()).grade : undefined;
  return (quizId, questionId, answer) => {
    const question = Object.hasOwn(questions, quizId) ? questions[quizId]!.find((candidate) => candidate.id === questionId) : undefined;
    if (!question || !grade) return null;
    const verdict = grade(question as never, answer);
    return verdict.kind === 'graded' ? verdict.correct === true : false;
  };
}

export async function bootTeacherTools(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-teacher-tools]');
  const catalog = embedded<CourseCatalog>('course-catalog');
  const exercises = embedded<(IslandData & GradableExercise)[]>('gradable-exercises');
  const questions = embedded<Record<string, QuestionData[]>>('quiz-questions') ?? {};
  if (!root || !catalog || !exercises || root.dataset.booted) return;
  root.dataset.booted = 'true';
  wireBuilder(root, new Course(catalog));
  wireGrading(root, { catalog, exercises, questions, gradeAnswer: await quizGrader(questions) });
}
