/**
 * Gets this machine ready for the tests (see scripts/machine/prepare.ts). Run by the npm scripts on the
 * Node 22 they bring, which runs TypeScript as it is.
 * Usage: node scripts/prepare-tests.ts [browser] [tools]     (both when neither is named)
 */
import { realMachine } from './machine/machine.ts';
import { prepareTestMachine } from './machine/prepare.ts';

const named = new Set(process.argv.slice(2));
for (const word of named) {
  if (word !== 'browser' && word !== 'tools') {
    console.error(`prepare-tests: unknown argument "${word}"; expected "browser", "tools" or nothing (both).`);
    process.exit(2);
  }
}
const both = named.size === 0;
process.exitCode = await prepareTestMachine(
  realMachine(),
  { browser: both || named.has('browser'), tools: both || named.has('tools') },
  { info: (line) => console.log(line), problem: (line) => console.error(line) },
);
