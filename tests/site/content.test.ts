import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { chapters } from '../../src/content/outline';
import { lessonFields, withLessonRules } from '../../src/content/lesson-schema';

const docsDir = fileURLToPath(new URL('../../src/content/docs/', import.meta.url));
const pages = readdirSync(docsDir, { recursive: true })
  .map(String)
  .filter((path) => /\.mdx?$/.test(path));

// Starlight's own schema is replaced by its one field the rules read (`sidebar`), so the rules are tested alone.
const schema = withLessonRules(z.object({ title: z.string(), sidebar: z.object({ order: z.number().optional() }).default({}), ...lessonFields }));
const lesson = { title: 'The network card', chapter: 'nic', order: 2, objectives: ['Read `ip addr`.'], minutes: 15 };

describe('lesson frontmatter', () => {
  it('accepts a complete lesson and uses its order for the sidebar', () => {
    expect(schema.parse(lesson).sidebar.order).toBe(2);
  });

  it('keeps an explicit sidebar.order', () => {
    expect(schema.parse({ ...lesson, sidebar: { order: 9 } }).sidebar.order).toBe(9);
  });

  it('accepts a page that is not a lesson (home, teachers) without lesson fields', () => {
    expect(schema.safeParse({ title: 'For teachers' }).success).toBe(true);
  });

  it.each(['order', 'objectives', 'minutes'])('rejects a lesson without %s, naming the field', (field) => {
    const result = schema.safeParse({ ...lesson, [field]: undefined });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message).join('\n')).toContain(`needs \`${field}\``);
  });

  it('rejects lesson fields on a page without a chapter', () => {
    const result = schema.safeParse({ title: 'Stray', minutes: 5 });
    expect(result.error?.issues[0]?.message).toContain('`minutes` is a lesson field: add `chapter`');
  });

  it('rejects a chapter that is not in the outline', () => {
    expect(schema.safeParse({ ...lesson, chapter: 'routing' }).success).toBe(false);
  });
});

describe('the course content', () => {
  it('has eight chapters with distinct folders', () => {
    expect(new Set(chapters.map((chapter) => chapter.slug)).size).toBe(8);
  });

  it.each(pages)('%s lives in a known folder and, if a lesson, in its own chapter’s folder', (path) => {
    const folder = path.includes('/') ? path.split('/')[0]! : '';
    const known = ['', 'reference', 'teachers', ...chapters.map((chapter) => chapter.slug)];
    expect(known, `${path} is in a folder that is neither a chapter, the reference nor the teachers' pages`).toContain(folder);
    const chapter = /^chapter:\s*(\S+)/m.exec(readFileSync(docsDir + path, 'utf8'))?.[1];
    if (chapter !== undefined) expect(chapter, `${path} says chapter: ${chapter}`).toBe(folder);
  });

  it.each(pages)('%s writes internal links relative to the page, so they work under any base path', (path) => {
    const source = readFileSync(docsDir + path, 'utf8');
    const rootAbsolute = [...source.matchAll(/\]\((\/[^)\s]*)\)|\bhref=["'](\/[^"']*)["']|^\s*link:\s*(\/\S*)/gm)].map((match) => match[1] ?? match[2] ?? match[3]);
    expect(rootAbsolute, `write these as relative links (e.g. ../../nic/network-card/)`).toEqual([]);
  });
});
