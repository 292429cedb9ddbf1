export { ProgressStore, PROGRESS_KEY, SET_ASIDE_INFIX, describeProblems, type ProgressNotice, type ImportResult, type ProgressStoreOptions } from './store';
export { MemoryStorage, type StorageLike } from './storage';
export { migrate, type ProgressV0 } from './migrate';
export { LIMITS, PROGRESS_VERSION, readProgress, type ProgressRecord, type ExerciseProgress, type StoredRun, type StoredReset, type QuizProgress, type QuizAnswer } from './record';
export type { Problem } from './fields';
