/**
 * The playground scenarios, found by file name: `playgrounds/two-hosts.ts` is the scenario "two-hosts".
 * Each loads on its own when a learner opens its playground.
 */
import type { PlaygroundScenario } from './playgrounds/kit/playground';

const modules = import.meta.glob<PlaygroundScenario>('./playgrounds/*.ts');

const byName = new Map(Object.entries(modules).map(([file, load]) => [file.replace(/^\.\/playgrounds\/|\.ts$/g, ''), load]));

export function playgroundNames(): string[] {
  return [...byName.keys()].sort();
}

export async function loadPlayground(name: string): Promise<PlaygroundScenario> {
  const load = byName.get(name);
  if (!load) throw new Error(`No playground scenario "${name}": add src/components/network/playgrounds/${name}.ts, or use one of ${playgroundNames().join(', ')}.`);
  return load();
}
