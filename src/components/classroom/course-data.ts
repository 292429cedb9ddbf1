/**
 * The course as the classroom pages need it, computed at build time from the outline, the lessons (the docs
 * collection), the exercises and the quizzes (src/components/quiz/quizzes.ts), and embedded in those pages
 * as JSON.
 */
import { getCollection } from 'astro:content';
import { chapters } from '../../content/outline';
import type { CourseCatalog } from '../../lib/classroom/catalog';
import { islandData, type IslandData } from '../exercise/page-data';
import { quizzes } from '../quiz/quizzes';

export async function courseCatalog(): Promise<CourseCatalog> {
  const lessons = (await getCollection('docs', (entry) => entry.data.chapter !== undefined)).map((entry) => ({
    slug: entry.id,
    chapter: entry.data.chapter!,
    order: entry.data.order ?? 0,
    title: entry.data.title,
    minutes: entry.data.minutes ?? 0,
  }));
  const lessonSlugs = new Set(lessons.map((lesson) => lesson.slug));
  const exercises = (await getCollection('exercises'))
    .map((entry) => entry.data)
    .filter((exercise) => lessonSlugs.has(exercise.lesson))
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((exercise) => ({
      id: exercise.id,
      title: exercise.title,
      lesson: exercise.lesson,
      files: exercise.programs.filter((program) => program.role === 'learner').map((program) => program.file),
    }));
  const lessonQuizzes = quizzes
    .filter((quiz) => lessonSlugs.has(quiz.lesson))
    .map((quiz) => ({ id: quiz.id, lesson: quiz.lesson, title: quiz.title ?? 'Check your understanding', questions: quiz.questions.map((question) => question.id) }));
  return {
    chapters: chapters.map((chapter, index) => ({ slug: chapter.slug, number: index + 1, title: chapter.title })).filter((chapter) => lessons.some((lesson) => lesson.chapter === chapter.slug)),
    lessons: lessons.sort((a, b) => a.slug.localeCompare(b.slug)),
    exercises,
    quizzes: lessonQuizzes,
  };
}

/** Every exercise as its lesson's island has it: the teacher's page re-runs hand-ins with exactly this. */
export async function gradableExercises(): Promise<IslandData[]> {
  return (await getCollection('exercises')).map((entry) => islandData(entry.data)).sort((a, b) => a.id.localeCompare(b.id));
}
