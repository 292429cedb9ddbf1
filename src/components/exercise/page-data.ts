/**
 * What an exercise island needs in the browser, taken from the `exercises` collection at build time and
 * embedded in the page as JSON. Plain data only.
 */
import type { Check } from '../../lib/grader/checks';
import type { TopologySpec } from '../../lib/netsim/types';
import type { Exercise } from '../../lib/exercise/schema';

export interface IslandProgram {
  file: string;
  host: string;
  /** The host's first address, for the tab label ("server.ts — on web 10.0.0.2"). */
  ip: string;
  processName: string;
  /** Who it runs as on its host: root may listen below 1024, a user may not. */
  runAs: 'root' | 'user';
  role: 'learner' | 'driver';
  /** Learner programs: the starter code; driver programs: the driver's code. */
  source: string;
  /** Learner programs only: the reference solution, shown read-only on request. */
  solution?: string;
}

export interface IslandData {
  id: string;
  title: string;
  lesson: string;
  /** The task statement, shown above the editor. */
  summary: string;
  /** Host the terminal's prompt opens on after a run: the exercise's `terminalHost`, else its last program's host. */
  terminalHost: string;
  topology: TopologySpec;
  programs: IslandProgram[];
  checks: Check[];
  /** Three levels: a nudge, a pointer, a near-solution. */
  hints: [string, string, string];
  timeBudgetMs: number;
  virtualTimeLimitMs: number;
  /** The lesson after this exercise's lesson (an absolute URL path), or null after the last lesson so far. */
  nextLesson: { href: string; title: string } | null;
}

export function islandData(exercise: Exercise, nextLesson: IslandData['nextLesson'] = null): IslandData {
  const ipOf = (host: string) =>
    exercise.topology.hosts.find((candidate) => candidate.name === host)?.nics[0]?.ip ?? '';
  return {
    id: exercise.id,
    title: exercise.title,
    lesson: exercise.lesson,
    summary: exercise.summary,
    terminalHost: exercise.terminalHost ?? exercise.programs[exercise.programs.length - 1]?.host ?? exercise.topology.hosts[0]!.name,
    topology: exercise.topology as TopologySpec,
    programs: exercise.programs.map((program) => {
      const learner = program.role === 'learner';
      return {
        file: program.file,
        host: program.host,
        ip: ipOf(program.host),
        processName: program.processName,
        runAs: program.runAs,
        role: program.role,
        source: (learner ? exercise.files.starter[program.file] : exercise.files.driver[program.file]) ?? '',
        ...(learner ? { solution: exercise.files.solution[program.file] ?? '' } : {}),
      };
    }),
    checks: exercise.checks as Check[],
    hints: [exercise.hints.nudge, exercise.hints.pointer, exercise.hints.nearSolution],
    timeBudgetMs: exercise.timeBudgetMs,
    virtualTimeLimitMs: exercise.virtualTimeLimitMs,
    nextLesson,
  };
}

/** JSON safe to put inside a `<script type="application/json">`: no `</script>` can close it early. */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export const tabLabel = (program: Pick<IslandProgram, 'file' | 'host' | 'ip'>) =>
  `${program.file} — on ${program.host} ${program.ip}`.trim();
