/**
 * Quiz answers from a learner's real progress to the teacher's gradebook: kept by the store as the lesson keeps
 * them, handed in, read back from the file, and graded again on the teacher's page with the lesson's own
 * grader over the course's real quizzes (a short answer written the learner's way counts as the lesson counted it);
 * and the last run the learner's page kept, read through the same adapter.
 */
import { describe, expect, it } from 'vitest';
import { quizGrader, prepareQuizzes } from '../../src/components/classroom/quiz-grader';
import { learnerProgress } from '../../src/components/classroom/learner-progress';
import { grade } from '../../src/components/quiz/grade';
import { prepare } from '../../src/components/quiz/define';
import { quizzes } from '../../src/components/quiz/quizzes';
import { Course, type CourseCatalog } from '../../src/lib/classroom/catalog';
import { assignmentId } from '../../src/lib/classroom/assignment';
import { buildGradebook } from '../../src/lib/classroom/gradebook';
import { handInFile, makeHandIn, readHandInText } from '../../src/lib/classroom/hand-in';
import { MemoryStorage } from '../../src/lib/progress/storage';
import { ProgressStore } from '../../src/lib/progress/store';

const web = quizzes.find((quiz) => quiz.id === 'ports-web')!;
const catalog: CourseCatalog = {
  chapters: [{ slug: 'ports', number: 3, title: 'Ports' }],
  lessons: [{ slug: 'ports/web', chapter: 'ports', order: 2, title: 'The web on port 80', minutes: 20 }],
  exercises: [],
  quizzes: [{ id: web.id, lesson: web.lesson, title: 'Check your understanding', questions: web.questions.map((q) => q.id) }],
};
const course = new Course(catalog);
const assignment = { title: 'The web', items: course.chapterItems('ports') };
const gradeAgain = quizGrader(prepareQuizzes(quizzes));

/** Answers a question as the lesson's quiz does: graded by the page, kept only when it could be graded. */
function answer(store: ProgressStore, questionId: string, given: string): void {
  const question = prepare(web.questions.find((q) => q.id === questionId)!);
  const verdict = grade(question, given);
  if (verdict.kind === 'graded') store.answerQuestion(web.id, questionId, verdict.answer, verdict.correct);
}

describe('quiz answers handed in', () => {
  it('are graded again on the teacher page as the lesson graded them', () => {
    const store = new ProgressStore(new MemoryStorage(), { now: () => new Date('2026-11-30T10:00:00Z') });
    store.visitLesson('ports/web');
    answer(store, 'url-endpoint', '10.0.0.2 : 80');
    answer(store, 'name-8080', 'http://web/');
    for (const question of web.questions.slice(2)) if (question.kind === 'choice') answer(store, question.id, question.options.find((o) => o.correct)!.id);
    const text = handInFile(makeHandIn(assignment, 'Ada', learnerProgress(store), course, new Date('2026-12-01T09:00:00Z')));
    const read = readHandInText(text, course);
    if (!read.ok) throw new Error(read.reason);
    expect(read.handIn.quizzes[web.id]!['url-endpoint']).toEqual({ answer: '10.0.0.2 : 80', correct: true, at: '2026-11-30T10:00:00.000Z' });

    const book = buildGradebook(assignmentId(assignment), [{ ...read, index: 0, source: 'ada.endpoints.json' }], course, new Map(), gradeAgain, new Map());
    const cell = book.rows[0]!.cells.find((c) => c.item.kind === 'quiz')!;
    const total = web.questions.length;
    expect(cell).toMatchObject({ state: 'started', text: `${total - 1} of ${total} right`, quiz: { right: total - 1, total, answered: total }, flags: [] });
  });

  it('flags an answer the hand-in calls right that the lesson grades wrong, and ignores a question the course no longer asks', () => {
    expect(gradeAgain(web.id, 'url-endpoint', 'web:8080')).toBe(false);
    expect(gradeAgain(web.id, 'url-endpoint', 'not an end-point at all')).toBe(false);
    expect(gradeAgain(web.id, 'no-such-question', 'web:80')).toBeNull();
    expect(gradeAgain('no-such-quiz', 'url-endpoint', 'web:80')).toBeNull();
    const progress = {
      lessonVisitedAt: () => undefined,
      exercise: () => ({ draft: {} }),
      quizAnswers: () => ({ 'url-endpoint': { answer: 'web:8080', correct: true, at: '2026-11-30T10:00:00.000Z' } }),
    };
    const handIn = makeHandIn(assignment, 'Bob', progress, course, new Date('2026-12-01T09:00:00Z'));
    const book = buildGradebook(assignmentId(assignment), [{ handIn, assignmentId: assignmentId(assignment), notes: [], index: 0, source: 'bob' }], course, new Map(), gradeAgain, new Map());
    const cell = book.rows[0]!.cells.find((c) => c.item.kind === 'quiz')!;
    expect(cell.text).toBe(`0 of ${web.questions.length} right`);
    expect(cell.flags.map((flag) => flag.kind)).toEqual(['quiz-claim']);
  });

  it('reads the last run from progress, so a pass the learner broke since is said before they hand in', () => {
    const store = new ProgressStore(new MemoryStorage(), { now: () => new Date('2026-11-30T10:00:00Z') });
    store.recordRun('echo-server', true);
    const run = { outcome: 'finished' as const, checks: { 'listens-on-7': { passed: true, message: 'ok' } }, console: {}, consoleDropped: 0, typeProblems: {} };
    store.saveLastRun('echo-server', run);
    expect(learnerProgress(store).exercise('echo-server')).toMatchObject({ passedAt: '2026-11-30T10:00:00.000Z', lastRunPassed: true });
    store.saveLastRun('echo-server', { ...run, checks: { ...run.checks, echoed: { passed: false, message: 'no bytes came back' } } });
    expect(learnerProgress(store).exercise('echo-server')).toMatchObject({ passedAt: '2026-11-30T10:00:00.000Z', lastRunPassed: false });
    expect(learnerProgress(store).exercise('first-client').lastRunPassed).toBeUndefined();
  });
});
