/**
 * Which exercises belong to which lesson and chapter, computed at build time from the `exercises`
 * collection and embedded in the page for the sidebar marks and the progress bars.
 */
export interface CourseExercises {
  /** Lesson slug (`ports/echo-server`) → exercise ids. */
  lessons: Record<string, string[]>;
  /** Chapter slug (`ports`) → exercise ids. */
  chapters: Record<string, string[]>;
}

export function courseExercises(exercises: readonly { id: string; lesson: string }[]): CourseExercises {
  const lessons: Record<string, string[]> = {};
  const chapters: Record<string, string[]> = {};
  for (const exercise of [...exercises].sort((a, b) => a.id.localeCompare(b.id))) {
    (lessons[exercise.lesson] ??= []).push(exercise.id);
    (chapters[exercise.lesson.split('/')[0]!] ??= []).push(exercise.id);
  }
  return { lessons, chapters };
}

/** The lesson slug a sidebar link points to, relative to the site's base: `/endpoints/ports/x/` → `ports/x`. */
export function lessonSlugOf(pathname: string, base: string): string {
  const path = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  return path.replace(/^\/+|\/+$/g, '');
}
