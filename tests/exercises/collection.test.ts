/**
 * The `exercises` content collection's loader, driven the way Astro's content layer drives it: every
 * exercise folder becomes one entry, validated, and a broken folder stops the build naming its file.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { exerciseLoader, exercises } from '../../src/lib/exercise/collection';
import { exerciseSchema } from '../../src/lib/exercise/schema';

type Entry = { id: string; data: Record<string, unknown>; filePath?: string };

/** Runs the loader against a project root, with the parts of LoaderContext it uses. */
async function load(root: string): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  const context = {
    collection: 'exercises',
    store: { clear: () => entries.clear(), set: (entry: Entry) => (entries.set(entry.id, entry), true) },
    parseData: async ({ data }: { data: Record<string, unknown> }) => exerciseSchema.parse(data),
    generateDigest: (data: unknown) => String(JSON.stringify(data).length),
    config: { root: pathToFileURL(`${root}/`) },
    logger: { error: () => undefined },
  };
  await exerciseLoader().load(context as never);
  return entries;
}

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the exercises collection', () => {
  it('is a content collection with the exercise schema and loader', () => {
    expect(exercises).toMatchObject({ schema: exerciseSchema, loader: { name: 'endpoints-exercise-loader' } });
  });

  it('loads one entry per exercise folder, with its program files', async () => {
    const entries = await load(process.cwd());
    expect([...entries.keys()]).toEqual(expect.arrayContaining(['echo-server', 'first-client']));
    const echo = entries.get('echo-server')!;
    expect(echo.filePath).toBe('src/content/exercises/echo-server/exercise.json'); // relative to the root, as Astro requires
    expect(Object.keys((echo.data.files as { solution: object }).solution)).toEqual(['server.ts']);
  });

  it('fails with a message naming the broken exercise.json', async () => {
    const root = mkdtempSync(join(tmpdir(), 'exercises-'));
    temporary.push(root);
    cpSync('src/content/exercises/echo-server', join(root, 'src/content/exercises/echo-server'), { recursive: true });
    const json = join(root, 'src/content/exercises/echo-server/exercise.json');
    writeFileSync(json, JSON.stringify({ id: 'echo-server' }));
    await expect(load(root)).rejects.toThrow('src/content/exercises/echo-server/exercise.json is not a valid exercise');
  });
});
