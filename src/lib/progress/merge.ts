import type { ExerciseProgress, ProgressRecord } from './record';

/**
 * Keeps the best of two records: the earliest pass and visit, the highest counters, and the drafts of the
 * record changed last (a learner importing from another browser expects their latest code).
 */
export function mergeProgress(mine: ProgressRecord, theirs: ProgressRecord): Pick<ProgressRecord, 'exercises' | 'lessonsVisited'> {
  const theirsNewer = theirs.updatedAt > mine.updatedAt;
  const exercises: Record<string, ExerciseProgress> = structuredClone(mine.exercises);
  for (const [id, incoming] of Object.entries(theirs.exercises)) {
    const current = exercises[id];
    if (!current) {
      exercises[id] = structuredClone(incoming);
      continue;
    }
    const passedAt = earliest(current.passedAt, incoming.passedAt);
    exercises[id] = {
      draft: theirsNewer ? { ...current.draft, ...incoming.draft } : { ...incoming.draft, ...current.draft },
      ...(passedAt ? { passedAt } : {}),
      attempts: Math.max(current.attempts, incoming.attempts),
      failedRuns: Math.max(current.failedRuns, incoming.failedRuns),
      hintsSeen: Math.max(current.hintsSeen, incoming.hintsSeen),
    };
  }
  const lessonsVisited = { ...mine.lessonsVisited };
  for (const [slug, at] of Object.entries(theirs.lessonsVisited)) lessonsVisited[slug] = earliest(lessonsVisited[slug], at)!;
  return { exercises, lessonsVisited };
}

function earliest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a < b ? a : b;
}
