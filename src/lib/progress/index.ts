export { ProgressStore, PROGRESS_KEY, type ProgressNotice, type ImportResult, type ProgressStoreOptions } from './store';
export { MemoryStorage, type StorageLike } from './storage';
export { migrate, type ProgressV0 } from './migrate';
export { PROGRESS_VERSION, type ProgressRecord, type ExerciseProgress } from './record';
