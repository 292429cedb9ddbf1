/**
 * The exercise format, as a zod schema: `exercise.json` plus the program files the loader reads beside it
 * (`starter/`, `solution/`, `driver/`, `misconceptions/<name>/`). Cross-field rules (a check naming an
 * unknown host, a program file that does not exist, a misconception no check can recognise) are checked
 * here too, so the build and the tests fail with the same message.
 */
import { z } from 'astro/zod';
import { chapterSlugs } from '../../content/outline';
import type { Check } from '../grader/checks';
import { DEFAULT_LATENCY_MS } from '../netsim/links';
import { MISCONCEPTION_KINDS } from '../grader/checks';

const name = z.string().regex(/^[a-z][a-z0-9-]*$/, 'use lower-case letters, digits and dashes, e.g. "web"');
const port = z.number().int().min(0).max(65535);
const ipv4 = z.string().regex(/^(\d{1,3})(\.\d{1,3}){3}$/, 'an IPv4 address such as 10.0.0.2');
const fileName = z.string().regex(/^[A-Za-z0-9_-]+\.ts$/, 'a TypeScript file name such as server.ts');

const topologySchema = z.object({
  version: z.literal(1),
  hosts: z
    .array(
      z.object({
        name,
        nics: z.array(z.object({ name: z.string(), mac: z.string().optional(), ip: ipv4, prefix: z.number().int().min(0).max(32) })),
        aliases: z.array(name).optional(),
        gateway: ipv4.optional(),
        forwarding: z.boolean().optional(),
        dropsIncoming: z.boolean().optional(),
      }),
    )
    .min(1),
  latencyMs: z.number().positive().optional(),
  jitterMs: z.number().min(0).optional(),
  seed: z.number().int().optional(),
}).refine((topology) => topology.jitterMs === undefined || topology.jitterMs <= (topology.latencyMs ?? DEFAULT_LATENCY_MS), {
  message: 'jitterMs must be at most latencyMs (a packet cannot arrive before it was sent)',
  path: ['jitterMs'],
});

const detectorSchema = z.object({ kind: z.enum(MISCONCEPTION_KINDS), message: z.string().min(1).optional() });
const checkBase = {
  id: name,
  title: z.string().min(1),
  hint: z.string().optional(),
  misconceptions: z.array(detectorSchema).optional(),
};
const serverEndpoint = z.object({ host: name, port });

/** A regular expression in a check: it must compile, so a typo shows at build time and not in a learner's results. */
const regex = z.string().min(1).refine((source) => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}, 'is not a valid regular expression');

export const checkSchema = z.discriminatedUnion('kind', [
  z.object({ ...checkBase, kind: z.literal('echo'), client: z.object({ host: name }), server: serverEndpoint, atLeast: z.number().int().min(1) }),
  z.object({
    ...checkBase,
    kind: z.literal('reply'),
    client: z.object({ host: name }),
    server: serverEndpoint,
    atLeast: z.number().int().min(1),
    request: regex,
    reply: z.string().min(1),
  }),
  z.object({ ...checkBase, kind: z.literal('request'), client: z.object({ host: name }), server: serverEndpoint, pattern: regex, describe: z.string().min(1) }),
  z.object({ ...checkBase, kind: z.literal('prints-received'), file: fileName, client: z.object({ host: name }), server: serverEndpoint }),
  z.object({ ...checkBase, kind: z.literal('listening'), host: name, port, protocol: z.enum(['tcp', 'udp']).optional(), addresses: z.array(ipv4).optional() }),
  z.object({ ...checkBase, kind: z.literal('connection'), client: z.object({ host: name }), server: serverEndpoint }),
  z.object({ ...checkBase, kind: z.literal('distinct-pairs'), server: serverEndpoint, atLeast: z.number().int().min(1) }),
  z.object({ ...checkBase, kind: z.literal('ephemeral-client-port'), client: z.object({ host: name }), server: serverEndpoint }),
  z.object({
    ...checkBase,
    kind: z.literal('bytes-delivered'),
    to: z.object({ host: name, role: z.enum(['connector', 'accepted', 'datagram']), peerPort: port.optional() }),
    text: z.string().min(1),
    every: z.boolean().optional(),
  }),
  z.object({ ...checkBase, kind: z.literal('error-handled'), host: name, code: z.string().regex(/^E[A-Z]+$/) }),
  z.object({ ...checkBase, kind: z.literal('console-includes'), text: z.string().min(1), file: fileName.optional(), stream: z.enum(['log', 'error']).optional() }),
  z.object({ ...checkBase, kind: z.literal('ran-without-error') }),
]);

// The schema and the grader's types must describe the same data: this line fails to compile if they drift.
type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const checksAgree: SameShape<z.infer<typeof checkSchema>, Check> = true;
void checksAgree;

const programSchema = z.object({
  file: fileName,
  host: name,
  processName: z.string().min(1).default('node'),
  role: z.enum(['learner', 'driver']),
  /**
   * Who the program runs as on its host. A normal `user` (the default) may not listen on a port below 1024;
   * a server the story has the administrator start runs as `root`.
   */
  runAs: z.enum(['root', 'user']).default('user'),
});

/** A wrong program kept as a test: `misconceptions/<name>/<file>` must make check `check` fail with `expects`. */
const misconceptionVariantSchema = z.object({
  name,
  file: fileName,
  check: name,
  expects: z.enum(MISCONCEPTION_KINDS),
  /** What the misconception is, for authors and the teacher page. */
  description: z.string().min(1),
});

/**
 * "Run it on your computer": what changes when the finished programs run with real Node on one computer
 * (src/lib/exercise/on-your-computer.ts). Every topology host name the programs quote becomes 127.0.0.1;
 * each privileged port becomes `use` (or its listener runs with sudo). tests/exercises/on-your-computer.test.ts
 * makes exactly these changes to the reference solution and the driver and runs them on real Node.
 */
const onYourComputerSchema = z
  .object({
    /** Ports below 1024 the programs use, the port to use instead, and the program that listens on it. */
    ports: z
      .array(z.object({ port: z.number().int().min(1).max(1023), use: z.number().int().min(1024).max(65535), listener: fileName }).strict())
      .default([]),
    /** Lines the programs print on a real computer, shown in the lesson and checked on real Node. */
    prints: z.array(z.object({ file: fileName, text: z.string().min(1) }).strict()).min(1),
  })
  .strict();

const filesSchema = z.record(z.string(), z.string());

/** exercise.json as authors write it. */
export const exerciseJsonSchema = z.object({
  id: name,
  title: z.string().min(1),
  /** Slug of the lesson that embeds it, `<chapter>/<lesson>`, e.g. `ports/echo-server`. */
  lesson: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'a lesson slug "<chapter>/<lesson>", e.g. "ports/echo-server"'),
  /** A short task statement shown above the editor. */
  summary: z.string().min(1),
  topology: topologySchema,
  programs: z.array(programSchema).min(1),
  checks: z.array(checkSchema).min(1),
  hints: z.object({ nudge: z.string().min(1), pointer: z.string().min(1), nearSolution: z.string().min(1) }).strict(),
  misconceptions: z.array(misconceptionVariantSchema).default([]),
  timeBudgetMs: z.number().int().positive().default(5000),
  virtualTimeLimitMs: z.number().int().positive().default(60_000),
  /** Host the terminal opens on after a run (default: the host of the last program). */
  terminalHost: name.optional(),
  onYourComputer: onYourComputerSchema,
}).strict();

/** The program files the loader read beside exercise.json, by folder. */
export const exerciseFilesSchema = z.object({
  starter: filesSchema,
  solution: filesSchema,
  driver: filesSchema,
  misconceptions: z.record(z.string(), filesSchema),
});

export const exerciseSchema = exerciseJsonSchema
  .extend({ files: exerciseFilesSchema })
  .superRefine((exercise, ctx) => {
    for (const issue of crossFieldIssues(exercise)) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  });

export type ExerciseJson = z.input<typeof exerciseJsonSchema>;
export type Exercise = z.output<typeof exerciseSchema>;
export type ExerciseProgram = Exercise['programs'][number];
export type MisconceptionVariant = Exercise['misconceptions'][number];

interface Issue {
  message: string;
  path: (string | number)[];
}

/** Rules that span fields; each message says what to change. */
function crossFieldIssues(exercise: z.output<typeof exerciseJsonSchema> & { files: z.output<typeof exerciseFilesSchema> }): Issue[] {
  const issues: Issue[] = [];
  const hosts = new Set(exercise.topology.hosts.map((h) => h.name));
  const knownHost = (host: string, path: (string | number)[]) => {
    if (!hosts.has(host)) issues.push({ message: `unknown host "${host}": the topology has ${[...hosts].join(', ')}`, path });
  };

  exercise.programs.forEach((program, i) => {
    knownHost(program.host, ['programs', i, 'host']);
    const folders = program.role === 'learner' ? (['starter', 'solution'] as const) : (['driver'] as const);
    for (const folder of folders) {
      if (exercise.files[folder][program.file] === undefined) {
        issues.push({ message: `program file ${folder}/${program.file} does not exist`, path: ['programs', i, 'file'] });
      }
    }
  });
  const chapter = exercise.lesson.split('/')[0]!;
  if (!(chapterSlugs as readonly string[]).includes(chapter)) {
    issues.push({ message: `lesson "${exercise.lesson}" is in no chapter: the chapters are ${chapterSlugs.join(', ')}`, path: ['lesson'] });
  }
  if (exercise.terminalHost !== undefined) knownHost(exercise.terminalHost, ['terminalHost']);
  if (!exercise.programs.some((p) => p.role === 'learner')) {
    issues.push({ message: 'an exercise needs at least one program with role "learner"', path: ['programs'] });
  }
  const files = exercise.programs.map((p) => p.file);
  files.forEach((file, i) => {
    if (files.indexOf(file) !== i) issues.push({ message: `program file ${file} is listed twice`, path: ['programs', i, 'file'] });
  });

  exercise.onYourComputer.ports.forEach((entry, i) => {
    const listener = exercise.programs.find((p) => p.file === entry.listener);
    if (!listener) {
      issues.push({ message: `onYourComputer: port ${entry.port}'s listener ${entry.listener} is not a program of this exercise`, path: ['onYourComputer', 'ports', i, 'listener'] });
    } else if (listener.runAs !== 'root') {
      issues.push({ message: `onYourComputer: ${entry.listener} listens on port ${entry.port}, below 1024, so it must run as root here too: set its "runAs": "root"`, path: ['programs'] });
    }
  });
  exercise.onYourComputer.prints.forEach((line, i) => {
    if (!files.includes(line.file)) issues.push({ message: `onYourComputer: ${line.file} prints a line but is not a program of this exercise`, path: ['onYourComputer', 'prints', i, 'file'] });
  });

  const ids = new Set<string>();
  exercise.checks.forEach((check, i) => {
    if (ids.has(check.id)) issues.push({ message: `check id "${check.id}" is used twice`, path: ['checks', i, 'id'] });
    ids.add(check.id);
    for (const [host, path] of hostsOfCheck(check)) knownHost(host, ['checks', i, ...path]);
    if ((check.kind === 'console-includes' || check.kind === 'prints-received') && check.file && !files.includes(check.file)) {
      issues.push({ message: `check "${check.id}" reads the console of ${check.file}, which is not a program of this exercise`, path: ['checks', i, 'file'] });
    }
  });

  const learnerFiles = exercise.programs.filter((p) => p.role === 'learner').map((p) => p.file);
  exercise.misconceptions.forEach((variant, i) => {
    const check = exercise.checks.find((c) => c.id === variant.check);
    if (!check) {
      issues.push({ message: `misconception "${variant.name}" names check "${variant.check}", which does not exist`, path: ['misconceptions', i, 'check'] });
    } else if (!(check.misconceptions ?? []).some((d) => d.kind === variant.expects)) {
      issues.push({
        message: `misconception "${variant.name}" has no targeted message: check "${check.id}" has no "${variant.expects}" detector in its misconceptions`,
        path: ['misconceptions', i, 'expects'],
      });
    }
    if (!learnerFiles.includes(variant.file)) {
      issues.push({ message: `misconception "${variant.name}" replaces ${variant.file}, which is not a learner program`, path: ['misconceptions', i, 'file'] });
    }
    if (exercise.files.misconceptions[variant.name]?.[variant.file] === undefined) {
      issues.push({ message: `program file misconceptions/${variant.name}/${variant.file} does not exist`, path: ['misconceptions', i, 'file'] });
    }
  });
  return issues;
}

function hostsOfCheck(check: Check): [string, string[]][] {
  switch (check.kind) {
    case 'listening':
    case 'error-handled':
      return [[check.host, ['host']]];
    case 'connection':
    case 'ephemeral-client-port':
    case 'echo':
    case 'reply':
    case 'request':
    case 'prints-received':
      return [[check.client.host, ['client', 'host']], [check.server.host, ['server', 'host']]];
    case 'distinct-pairs':
      return [[check.server.host, ['server', 'host']]];
    case 'bytes-delivered':
      return [[check.to.host, ['to', 'host']]];
    case 'console-includes':
    case 'ran-without-error':
      return [];
    default: {
      const never: never = check;
      throw new Error(`unknown check kind ${JSON.stringify(never)}`);
    }
  }
}
