/**
 * Every program an exercise ships — starter, reference solution, driver, misconception variants — type-checks
 * in the editor's setup. A learner must never open an exercise and see red squiggles in code we wrote.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateLearnerTypes, typeProblems } from '../support/learner-types';

const exercisesDir = join(import.meta.dirname, '../../src/content/exercises');

function programFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? programFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

const programs = programFiles(exercisesDir).map((path) => relative(exercisesDir, path));
let declarations = '';

beforeAll(() => {
  declarations = generateLearnerTypes();
}, 120_000);

describe('the programs of every exercise', () => {
  it('are found', () => {
    expect(programs.length).toBeGreaterThanOrEqual(8);
  });

  it.each(programs)('%s type-checks against the learner types', (program) => {
    const source = readFileSync(join(exercisesDir, program), 'utf8');
    expect(typeProblems(declarations, source, program.replaceAll('/', '_'))).toEqual([]);
  }, 60_000);

  it('a program using something the emulator lacks is reported, with its line', () => {
    const problems = typeProblems(declarations, `import net from 'node:net';\nnet.createServer().listen('web');\ndocument.title = 'x';\n`);
    expect(problems.join('\n')).toMatch(/line 2: No overload matches[\s\S]*'string'/);
    expect(problems.join('\n')).toMatch(/line 3: Cannot find name 'document'/);
  }, 60_000);
});
