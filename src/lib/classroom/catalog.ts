/**
 * What a teacher can assign, as the built site knows it: the chapters in order, their lessons, each lesson's
 * exercises and quiz. Built at build time from the outline, the docs collection, the exercises and the
 * quizzes, embedded in the pages that need it, and the one list every assignment and hand-in is checked
 * against: an item the course does not have is never shown, run or counted.
 */

export type ItemKind = 'lesson' | 'exercise' | 'quiz';

/** One thing to do: read a lesson, pass an exercise, answer a quiz. */
export interface Item {
  kind: ItemKind;
  /** A lesson's slug (`ports/echo-server`), an exercise's id, a quiz's id. */
  id: string;
}

export interface CatalogChapter {
  slug: string;
  number: number;
  title: string;
}

export interface CatalogLesson {
  /** `ports/echo-server`. */
  slug: string;
  chapter: string;
  order: number;
  title: string;
  minutes: number;
}

export interface CatalogExercise {
  id: string;
  title: string;
  /** The lesson slug it sits in. */
  lesson: string;
  /** The files the learner writes (`server.ts`), in the exercise's order. */
  files: string[];
}

export interface CatalogQuiz {
  id: string;
  lesson: string;
  title: string;
  /** The question ids the quiz asks now. */
  questions: string[];
}

export interface CourseCatalog {
  chapters: CatalogChapter[];
  lessons: CatalogLesson[];
  exercises: CatalogExercise[];
  quizzes: CatalogQuiz[];
}

/** `exercise:echo-server`: how an item is written in a link, a hand-in and a CSV header. */
export const itemKey = (item: Item): string => `${item.kind}:${item.id}`;

const ITEM_KEY = /^(lesson|exercise|quiz):([a-z0-9][a-z0-9-]*(?:\/[a-z0-9][a-z0-9-]*){0,2})$/;

export function parseItemKey(key: string): Item | null {
  if (key.length > 200) return null;
  const match = ITEM_KEY.exec(key);
  return match ? { kind: match[1] as ItemKind, id: match[2]! } : null;
}

/** Lookups over a catalog, built once. */
export class Course {
  private readonly lessonBySlug = new Map<string, CatalogLesson>();
  private readonly exerciseById = new Map<string, CatalogExercise>();
  private readonly quizById = new Map<string, CatalogQuiz>();
  private readonly order = new Map<string, number>();

  constructor(readonly catalog: CourseCatalog) {
    for (const lesson of catalog.lessons) this.lessonBySlug.set(lesson.slug, lesson);
    for (const exercise of catalog.exercises) this.exerciseById.set(exercise.id, exercise);
    for (const quiz of catalog.quizzes) this.quizById.set(quiz.id, quiz);
    this.allItems().forEach((item, index) => this.order.set(itemKey(item), index));
  }

  lesson(slug: string): CatalogLesson | undefined {
    return this.lessonBySlug.get(slug);
  }

  exercise(id: string): CatalogExercise | undefined {
    return this.exerciseById.get(id);
  }

  quiz(id: string): CatalogQuiz | undefined {
    return this.quizById.get(id);
  }

  has(item: Item): boolean {
    return this.order.has(itemKey(item));
  }

  /** The lesson an item belongs to (a lesson is its own). */
  lessonOf(item: Item): CatalogLesson | undefined {
    if (item.kind === 'lesson') return this.lesson(item.id);
    const found = item.kind === 'exercise' ? this.exercise(item.id) : this.quiz(item.id);
    return found ? this.lesson(found.lesson) : undefined;
  }

  /** The item's name as a learner and a teacher read it. */
  title(item: Item): string {
    switch (item.kind) {
      case 'lesson':
        return this.lesson(item.id)?.title ?? item.id;
      case 'exercise':
        return this.exercise(item.id)?.title ?? item.id;
      case 'quiz': {
        const quiz = this.quiz(item.id);
        const lesson = quiz ? this.lesson(quiz.lesson) : undefined;
        return lesson ? `Quiz: ${lesson.title}` : (quiz?.title ?? item.id);
      }
    }
  }

  /** A short label for a gradebook column: "Ex. echo-server", "Quiz nic-interfaces", "Read ports/web". */
  shortLabel(item: Item): string {
    return `${item.kind === 'exercise' ? 'Exercise' : item.kind === 'quiz' ? 'Quiz' : 'Lesson'} ${item.id}`;
  }

  /** Every item of the course in teaching order: per chapter, per lesson, the lesson, its exercises, its quiz. */
  allItems(): Item[] {
    const items: Item[] = [];
    for (const chapter of this.catalog.chapters) items.push(...this.chapterItems(chapter.slug));
    return items;
  }

  chapterItems(chapter: string): Item[] {
    return this.catalog.lessons
      .filter((lesson) => lesson.chapter === chapter)
      .sort((a, b) => a.order - b.order)
      .flatMap((lesson) => this.lessonItems(lesson.slug));
  }

  lessonItems(slug: string): Item[] {
    return [
      { kind: 'lesson' as const, id: slug },
      ...this.catalog.exercises.filter((exercise) => exercise.lesson === slug).map((exercise) => ({ kind: 'exercise' as const, id: exercise.id })),
      ...this.catalog.quizzes.filter((quiz) => quiz.lesson === slug).map((quiz) => ({ kind: 'quiz' as const, id: quiz.id })),
    ];
  }

  /** Items in teaching order, each once. */
  sorted(items: readonly Item[]): Item[] {
    const seen = new Set<string>();
    return items
      .filter((item) => {
        const key = itemKey(item);
        if (seen.has(key) || !this.order.has(key)) return false;
        seen.add(key);
        return true;
      })
      .sort((a, b) => this.order.get(itemKey(a))! - this.order.get(itemKey(b))!);
  }

  chapterOf(item: Item): CatalogChapter | undefined {
    const lesson = this.lessonOf(item);
    return lesson ? this.catalog.chapters.find((chapter) => chapter.slug === lesson.chapter) : undefined;
  }
}
