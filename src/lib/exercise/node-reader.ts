/**
 * A FolderReader over node:fs, for the build (collection.ts) and the tests. Never import it from code that
 * runs in the browser.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { FolderReader } from './load';

export function nodeFolderReader(folder: string, root = process.cwd()): FolderReader {
  return {
    location: relative(root, folder).split('\\').join('/') || folder,
    readText(path) {
      const full = join(folder, path);
      return existsSync(full) && statSync(full).isFile() ? readFileSync(full, 'utf8') : undefined;
    },
    list(path) {
      const full = join(folder, path);
      return existsSync(full) && statSync(full).isDirectory() ? readdirSync(full) : [];
    },
  };
}

/** Every exercise folder under `dir` (each sub-folder holding an exercise.json). */
export function exerciseFolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .map((name) => join(dir, name))
    .filter((full) => statSync(full).isDirectory() && existsSync(join(full, 'exercise.json')));
}
