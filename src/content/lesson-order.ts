/**
 * The lessons in teaching order (chapter by chapter as outline.ts lists them, then by `order`), and what comes
 * after a lesson. Pure, over whatever the `docs` collection holds: pages without a chapter (the home page,
 * the reference, the teachers' page) are not lessons and never "the next lesson".
 */
import { chapters } from './outline';

export interface LessonEntry {
  /** `ports/echo-server` */
  id: string;
  data: { title: string; chapter?: string; order?: number };
}

export interface LessonLink {
  /** The lesson's path relative to the site's base: `sockets/first-client/`. */
  path: string;
  title: string;
}

export function lessonsInOrder<Entry extends LessonEntry>(entries: readonly Entry[]): Entry[] {
  const chapterIndex = (entry: LessonEntry) => chapters.findIndex((chapter) => chapter.slug === entry.data.chapter);
  return entries
    .filter((entry) => chapterIndex(entry) >= 0)
    .sort((a, b) => chapterIndex(a) - chapterIndex(b) || (a.data.order ?? 0) - (b.data.order ?? 0) || a.id.localeCompare(b.id));
}

/** The lesson after `lessonId`, or null when it is the last one written so far. */
export function lessonAfter(entries: readonly LessonEntry[], lessonId: string): LessonLink | null {
  const ordered = lessonsInOrder(entries);
  const position = ordered.findIndex((entry) => entry.id === lessonId);
  const next = position >= 0 ? ordered[position + 1] : undefined;
  return next ? { path: `${next.id}/`, title: next.data.title } : null;
}
