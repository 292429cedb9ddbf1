/**
 * The `exercises` content collection: one entry per `src/content/exercises/<id>/exercise.json`, with the
 * program files beside it read into `files`. Add to src/content.config.ts:
 *
 *   import { exercises } from './lib/exercise/collection';
 *   export const collections = { docs: …, exercises };
 *
 * A malformed exercise fails the build with a message naming its exercise.json.
 */
import { defineCollection } from 'astro/content/config';
import type { Loader } from 'astro/loaders';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadExercise } from './load';
import { exerciseFolders, nodeFolderReader } from './node-reader';
import { exerciseSchema } from './schema';

export const EXERCISES_DIR = 'src/content/exercises';

/** Reads every exercise folder; in dev, reloads when a file under it changes. */
export function exerciseLoader(dir = EXERCISES_DIR): Loader {
  return {
    name: 'endpoints-exercise-loader',
    load: async ({ store, parseData, generateDigest, config, watcher, logger }) => {
      const root = fileURLToPath(config.root);
      const base = resolve(root, dir);
      const sync = async () => {
        store.clear();
        for (const folder of exerciseFolders(base)) {
          // Validated here first, so the message names the file; parseData then applies the same schema.
          const exercise = loadExercise(nodeFolderReader(folder, root));
          // Astro wants entry paths relative to the project root.
          const filePath = relative(root, join(folder, 'exercise.json')).split('\\').join('/');
          const data = await parseData({ id: exercise.id, data: exercise as unknown as Record<string, unknown>, filePath });
          store.set({ id: exercise.id, data, filePath, digest: generateDigest(data) });
        }
      };
      await sync();
      watcher?.add(base);
      watcher?.on('all', (_event, path) => {
        if (!path.startsWith(base)) return;
        sync().catch((error: unknown) => logger.error(String(error instanceof Error ? error.message : error)));
      });
    },
  };
}

export const exercises = defineCollection({ loader: exerciseLoader(), schema: exerciseSchema });
