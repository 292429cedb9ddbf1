import { z } from 'astro/zod';
import { chapterSlugs } from './outline';

/** Frontmatter a lesson adds to Starlight's own (title, description, sidebar…). */
export const lessonFields = {
  /** The chapter folder the lesson lives in, e.g. `nic`. */
  chapter: z.enum(chapterSlugs).optional(),
  /** Position inside the chapter (1, 2, …); also orders the sidebar. */
  order: z.number().int().positive().optional(),
  /** What the learner can do afterwards, each one sentence starting with a verb. */
  objectives: z.array(z.string().min(1)).min(1).optional(),
  /** Honest estimate of the time the lesson takes, exercises included. */
  minutes: z.number().int().positive().max(120).optional(),
};

interface LessonShape {
  chapter?: string;
  order?: number;
  objectives?: string[];
  minutes?: number;
  sidebar: { order?: number };
}

const lessonOnly = ['order', 'objectives', 'minutes'] as const;

/**
 * A page with a `chapter` is a lesson and must say its order, objectives and minutes; a page without one must
 * not carry lesson fields (they would be silently ignored). A lesson's `order` also orders the sidebar unless
 * `sidebar.order` says otherwise.
 */
export function withLessonRules<Schema extends z.ZodType<LessonShape>>(schema: Schema) {
  return schema
    .superRefine((page, context) => {
      for (const field of lessonOnly) {
        if (page.chapter !== undefined && page[field] === undefined) {
          context.addIssue({
            code: 'custom',
            path: [field],
            message: `A lesson (a page with \`chapter: ${page.chapter}\`) needs \`${field}\` in its frontmatter.`,
          });
        }
        if (page.chapter === undefined && page[field] !== undefined) {
          context.addIssue({
            code: 'custom',
            path: ['chapter'],
            message: `\`${field}\` is a lesson field: add \`chapter\` (one of ${chapterSlugs.join(', ')}) or remove \`${field}\`.`,
          });
        }
      }
    })
    .transform((page) => ({ ...page, sidebar: { ...page.sidebar, order: page.sidebar.order ?? page.order } }));
}
