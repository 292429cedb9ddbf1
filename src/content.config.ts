import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { lessonFields, withLessonRules } from './content/lesson-schema';
import { exercises } from './lib/exercise/collection';

// Starlight's `docs` collection, with the lesson fields added. Pages outside a chapter (the home page, the
// teachers' page, the reference) leave them out; a page that names a chapter must give all of them.
const docs = defineCollection({
  loader: docsLoader(),
  schema: (context) => withLessonRules(docsSchema({ extend: z.object(lessonFields) })(context)),
});

// Starlight reads its UI-string overrides from this collection on every page; Astro warns about a collection
// that is missing or empty, so it is declared and holds src/content/i18n/en.yml (no overrides yet).
const i18n = defineCollection({ loader: i18nLoader(), schema: i18nSchema() });

// Exercises live in src/content/exercises/<id>/ (exercise.json + program files), validated at build time.
export const collections = { docs, exercises, i18n };
