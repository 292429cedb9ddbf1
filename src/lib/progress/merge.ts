import type { Problem } from './fields';
import { recordField, type ProgressRecord } from './record';

export interface Merged {
  record: ProgressRecord;
  /** Incoming parts left out because a bound (entries, size) would have been exceeded. */
  skipped: Problem[];
  /** How many of the incoming exercises were among the skipped. */
  skippedExercises: number;
}

/**
 * Keeps the best of two valid records, as each field declares (record.ts): the earliest pass and visit, the
 * highest counters (never above their bound), and the drafts of the record changed last (a learner importing
 * from another browser expects their latest code). The result is valid by construction; the store reads it
 * back once more before using it.
 */
export function mergeProgress(mine: ProgressRecord, theirs: ProgressRecord): Merged {
  const skipped: Problem[] = [];
  let skippedExercises = 0;
  const record = recordField.merge(mine, theirs, '', {
    theirsNewer: theirs.updatedAt > mine.updatedAt,
    skipped(problem, kind) {
      skipped.push(problem);
      if (kind === 'exercise') skippedExercises++;
    },
  });
  return { record, skipped, skippedExercises };
}
