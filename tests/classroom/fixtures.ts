/** A small course (three chapters, a quiz that the built course may not have yet) and hand-ins made from it. */
import { Course, type CourseCatalog } from '../../src/lib/classroom/catalog';
import type { Assignment } from '../../src/lib/classroom/assignment';
import { makeHandIn, type HandIn, type LearnerProgress, type QuizAnswer } from '../../src/lib/classroom/hand-in';

export const catalog: CourseCatalog = {
  chapters: [
    { slug: 'nic', number: 1, title: 'The network card and its IP address' },
    { slug: 'ports', number: 3, title: 'Ports: the door to one application' },
    { slug: 'sockets', number: 4, title: 'Sockets: the two end-points of a connection' },
  ],
  lessons: [
    { slug: 'nic/network-card', chapter: 'nic', order: 1, title: 'The network card and its IP address', minutes: 15 },
    { slug: 'ports/echo-server', chapter: 'ports', order: 1, title: 'Ports: one address, many programs', minutes: 20 },
    { slug: 'sockets/first-client', chapter: 'sockets', order: 1, title: 'Your first client', minutes: 20 },
  ],
  exercises: [
    { id: 'echo-server', title: 'An echo server on port 7', lesson: 'ports/echo-server', files: ['server.ts'] },
    { id: 'first-client', title: 'Your first client', lesson: 'sockets/first-client', files: ['client.ts'] },
  ],
  quizzes: [{ id: 'ports-echo-server', lesson: 'ports/echo-server', title: 'Check your understanding', questions: ['which-port', 'who-chooses'] }],
};

export const course = new Course(catalog);

export const portsAssignment: Assignment = {
  title: 'Week 3: ports',
  items: [
    { kind: 'lesson', id: 'ports/echo-server' },
    { kind: 'exercise', id: 'echo-server' },
    { kind: 'quiz', id: 'ports-echo-server' },
  ],
  due: '2026-12-03',
  note: 'Read the lesson first.',
};

export const ECHO_SOLUTION = "import net from 'node:net';\nnet.createServer((socket) => { socket.on('data', (chunk) => socket.write(chunk)); }).listen(7);\n";

export interface ProgressParts {
  visited?: Record<string, string>;
  exercises?: Record<string, { draft: Record<string, string>; passedAt?: string }>;
  quizzes?: Record<string, Record<string, QuizAnswer>>;
}

export function progressOf(parts: ProgressParts): LearnerProgress {
  return {
    lessonVisitedAt: (slug) => parts.visited?.[slug],
    exercise: (id) => parts.exercises?.[id] ?? { draft: {} },
    quizAnswers: (id) => parts.quizzes?.[id] ?? {},
  };
}

export const AT = '2026-11-30T10:00:00.000Z';

export function handInOf(learner: string, server = ECHO_SOLUTION, extra: Partial<ProgressParts> = {}): HandIn {
  return makeHandIn(
    portsAssignment,
    learner,
    progressOf({
      visited: { 'ports/echo-server': AT },
      exercises: { 'echo-server': { draft: { 'server.ts': server }, passedAt: AT } },
      quizzes: { 'ports-echo-server': { 'which-port': { answer: '7', correct: true, at: AT }, 'who-chooses': { answer: 'os', correct: true, at: AT } } },
      ...extra,
    }),
    course,
    new Date('2026-12-01T09:00:00.000Z'),
  );
}
