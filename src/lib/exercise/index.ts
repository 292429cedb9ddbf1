export { exerciseSchema, exerciseJsonSchema, checkSchema } from './schema';
export type { Exercise, ExerciseJson, ExerciseProgram, MisconceptionVariant } from './schema';
export { loadExercise, parseExercise, readExerciseFolder, ExerciseError, type FolderReader } from './load';
export { buildRunRequest, learnerSources, type LearnerFiles } from './request';
