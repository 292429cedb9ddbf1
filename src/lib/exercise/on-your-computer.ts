/**
 * "Run it on your computer": the few changes that take an exercise's finished programs from the emulated
 * network to real Node on one computer, as data the lesson shows (OnYourComputer.astro) and the tests apply
 * (tests/exercises/on-your-computer.test.ts). Plain functions of an exercise; no Node built-ins.
 */
import type { Exercise } from './schema';

/** The first Node that runs a `.ts` file as it is (type stripping on by default); 22.6 needs a flag. */
export const NODE_RUNS_TS = '22.18';
export const NODE_STRIPS_TYPES_WITH_FLAG = '22.6';
export const STRIP_TYPES_FLAG = '--experimental-strip-types';
/** On one computer every host is this one. */
export const ONE_COMPUTER = '127.0.0.1';

export interface PortChange {
  port: number;
  use: number;
  listener: string;
}

/** The topology's host names that the programs quote (`'web'`): on one computer they become 127.0.0.1. */
export function quotedHostNames(exercise: Exercise): string[] {
  const sources = [...Object.values(exercise.files.solution), ...Object.values(exercise.files.driver)];
  return exercise.topology.hosts
    .map((host) => host.name)
    .filter((name) => sources.some((source) => quotedName(name).test(source)));
}

function quotedName(name: string): RegExp {
  return new RegExp(`(['"\`])${name}\\1`, 'g');
}

/**
 * A line that ends with this comment states a scheme's default port (`const HTTP_DEFAULT_PORT = 80; // the
 * scheme's default port`): a fact about URLs, not a port a program uses, so the recipe leaves it. A client that
 * names no port in its URL then goes to 80; on your computer, where the server moved to 8008, it must name it.
 */
export const SCHEME_DEFAULT = "// the scheme's default port";

/** A port number written as a number of its own (`listen(7)`, `port: 7`, `port 7.` in a comment), not `10.0.0.7` or `7.5`. */
function portNumber(port: number): RegExp {
  return new RegExp(`(?<![\\w.])${port}(?!\\w|\\.\\d)`, 'g');
}

/** A program as the recipe changes it: quoted host names → '127.0.0.1', each privileged port → its `use`. */
export function adaptForYourComputer(exercise: Exercise, source: string): string {
  let adapted = source;
  for (const name of quotedHostNames(exercise)) adapted = adapted.replace(quotedName(name), `$1${ONE_COMPUTER}$1`);
  for (const { port, use } of exercise.onYourComputer.ports) {
    adapted = adapted
      .split('\n')
      .map((line) => (line.includes(SCHEME_DEFAULT) ? line : line.replace(portNumber(port), String(use))))
      .join('\n');
  }
  return adapted;
}

/** The program files in the order they are started, each with the source the recipe runs. */
export function programsForYourComputer(exercise: Exercise, learnerFiles = exercise.files.solution): { file: string; role: 'learner' | 'driver'; source: string }[] {
  return exercise.programs.map((program) => ({
    file: program.file,
    role: program.role,
    source: adaptForYourComputer(exercise, (program.role === 'learner' ? learnerFiles[program.file] : exercise.files.driver[program.file]) ?? ''),
  }));
}
