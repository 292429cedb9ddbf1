/**
 * The course's quizzes, found by file name: `src/content/quizzes/nic-network-card.ts` is the quiz
 * "nic-network-card". Read at build time by <Quiz /> and by the sidebar (which lessons have one, and its
 * question ids, so a lesson counts as done only when its quiz is too).
 */
import type { Quiz, QuizSpec } from './define';

const modules = import.meta.glob<{ default: QuizSpec }>('../../content/quizzes/*.ts', { eager: true });

export const quizzes: Quiz[] = Object.entries(modules)
  .map(([file, module]) => ({ id: file.replace(/^.*\/|\.ts$/g, ''), ...module.default }))
  .sort((a, b) => a.id.localeCompare(b.id));

export function quizNamed(id: string): Quiz {
  const quiz = quizzes.find((candidate) => candidate.id === id);
  if (!quiz) throw new Error(`<Quiz id="${id}" />: no such quiz. Add src/content/quizzes/${id}.ts, or use one of ${quizzes.map((q) => q.id).join(', ')}.`);
  return quiz;
}
