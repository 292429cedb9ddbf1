/**
 * What counts toward a lesson's and a chapter's completion — its exercises and its quiz — computed at build
 * time from the `exercises` collection and the quizzes, and embedded in the page for the sidebar marks and the
 * progress bars.
 */
export interface LessonQuiz {
  id: string;
  /** The question ids the quiz asks now: the quiz is done when each was last answered right. */
  questions: string[];
}

export interface CourseExercises {
  /** Lesson slug (`ports/echo-server`) → exercise ids. */
  lessons: Record<string, string[]>;
  /** Chapter slug (`ports`) → exercise ids (a chapter with only quizzes has an empty list). */
  chapters: Record<string, string[]>;
  /** Lesson slug → its quiz. */
  quizzes: Record<string, LessonQuiz>;
}

const chapterOf = (lesson: string) => lesson.split('/')[0]!;

export function courseExercises(
  exercises: readonly { id: string; lesson: string }[],
  quizzes: readonly { id: string; lesson: string; questions: readonly { id: string }[] }[] = [],
): CourseExercises {
  const lessons: Record<string, string[]> = {};
  const chapters: Record<string, string[]> = {};
  const lessonQuizzes: Record<string, LessonQuiz> = {};
  for (const exercise of [...exercises].sort((a, b) => a.id.localeCompare(b.id))) {
    (lessons[exercise.lesson] ??= []).push(exercise.id);
    (chapters[chapterOf(exercise.lesson)] ??= []).push(exercise.id);
  }
  for (const quiz of [...quizzes].sort((a, b) => a.id.localeCompare(b.id))) {
    lessonQuizzes[quiz.lesson] = { id: quiz.id, questions: quiz.questions.map((question) => question.id) };
    chapters[chapterOf(quiz.lesson)] ??= [];
  }
  return { lessons, chapters, quizzes: lessonQuizzes };
}

/** The quizzes of a chapter's lessons (all of them without a chapter). */
export function chapterQuizzes(course: CourseExercises, chapter: string | undefined): LessonQuiz[] {
  return Object.entries(course.quizzes)
    .filter(([lesson]) => chapter === undefined || chapterOf(lesson) === chapter)
    .map(([, quiz]) => quiz);
}

/** The lesson slug a sidebar link points to, relative to the site's base: `/endpoints/ports/x/` → `ports/x`. */
export function lessonSlugOf(pathname: string, base: string): string {
  const path = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  return path.replace(/^\/+|\/+$/g, '');
}
