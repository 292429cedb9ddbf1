/**
 * Reads one exercise folder through a `FolderReader` and validates it. Pure apart from the reader, so the
 * build (collection.ts, node:fs) and the tests share it; a failure is an `ExerciseError` naming the file.
 */
import type { z } from 'astro/zod';
import { exerciseSchema, type Exercise } from './schema';

/** Read access to one exercise folder; paths are relative to it, with `/`. */
export interface FolderReader {
  /** Where the folder is, for messages (e.g. `src/content/exercises/echo-server`). */
  readonly location: string;
  readText(path: string): string | undefined;
  /** Names of the entries of a sub-folder (files and folders), or [] when it does not exist. */
  list(path: string): string[];
}

export class ExerciseError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file} is not a valid exercise:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ExerciseError';
  }
}

/** The raw material before validation: exercise.json parsed, and every program file beside it. */
export function readExerciseFolder(reader: FolderReader): Record<string, unknown> {
  const jsonPath = `${reader.location}/exercise.json`;
  const text = reader.readText('exercise.json');
  if (text === undefined) throw new ExerciseError(jsonPath, ['exercise.json is missing']);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ExerciseError(jsonPath, [`not valid JSON: ${(error as Error).message}`]);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new ExerciseError(jsonPath, ['expected a JSON object']);
  const readAll = (dir: string): Record<string, string> =>
    Object.fromEntries(
      reader
        .list(dir)
        .filter((f) => f.endsWith('.ts'))
        .sort()
        .map((f) => [f, reader.readText(`${dir}/${f}`) ?? '']),
    );
  const misconceptions = Object.fromEntries(reader.list('misconceptions').sort().map((name) => [name, readAll(`misconceptions/${name}`)]));
  return { ...json, files: { starter: readAll('starter'), solution: readAll('solution'), driver: readAll('driver'), misconceptions } };
}

/** Validates raw exercise data; `source` names the file in the message. */
export function parseExercise(raw: unknown, source: string, folderName?: string): Exercise {
  const result = exerciseSchema.safeParse(raw);
  if (!result.success) throw new ExerciseError(source, describeIssues(result.error));
  if (folderName !== undefined && result.data.id !== folderName) {
    throw new ExerciseError(source, [`id "${result.data.id}" must match its folder name "${folderName}"`]);
  }
  return result.data;
}

export function loadExercise(reader: FolderReader): Exercise {
  const folderName = reader.location.split('/').filter(Boolean).pop();
  return parseExercise(readExerciseFolder(reader), `${reader.location}/exercise.json`, folderName);
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}
