import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defineQuiz, prepare, QUIZ_SIZE, type Question, type QuizSpec } from '../../src/components/quiz/define';
import { grade, inlineParts } from '../../src/components/quiz/grade';

const choice: Question = {
  kind: 'choice',
  id: 'reply-address',
  prompt: 'Which address does a website reply to?',
  options: [
    { id: 'mac', text: 'your MAC address', feedback: 'A MAC address never leaves your local network.' },
    { id: 'ip', text: 'an IP address', correct: true, feedback: 'Replies are addressed by IP.' },
  ],
};
const short: Question = {
  kind: 'short',
  id: 'dev-server',
  prompt: 'A web server listens on port 8080 on web. What must a client name?',
  answer: 'endpoint',
  label: 'End-point',
  accept: ['web:8080', '10.0.0.2:8080'],
  right: 'A port other than 80 must be named.',
  wrong: [{ answers: ['web', 'web:80'], feedback: 'Without a port, a client knocks on port 80, where nobody listens.' }],
  otherwise: 'Name the host and the port.',
};
const spec = (questions: Question[]): QuizSpec => ({ lesson: 'ports/web', questions });

describe('grading an answer', () => {
  it('grades a choice by its option, with that option’s own feedback, and stores the option’s id', () => {
    expect(grade(prepare(choice), 'ip')).toEqual({ kind: 'graded', correct: true, answer: 'ip', feedback: 'Replies are addressed by IP.' });
    expect(grade(prepare(choice), 'mac')).toEqual({ kind: 'graded', correct: false, answer: 'mac', feedback: 'A MAC address never leaves your local network.' });
  });

  it('does not grade a choice when nothing (or an option that does not exist) is chosen', () => {
    expect(grade(prepare(choice), '')).toEqual({ kind: 'unreadable', message: 'Choose one of the answers first.' });
    expect(grade(prepare(choice), 'zzz').kind).toBe('unreadable');
  });

  it.each(['web:8080', ' web : 8080 ', 'WEB:8080', 'http://web:8080/', '10.0.0.2:8080'])('accepts %j for web:8080, storing it as typed (trimmed)', (typed) => {
    const verdict = grade(prepare(short), typed);
    expect(verdict).toMatchObject({ kind: 'graded', correct: true, answer: typed.trim(), feedback: 'A port other than 80 must be named.' });
  });

  it.each(['web', 'http://web/', 'web:80'])('answers the anticipated mistake %j with its own feedback', (typed) => {
    expect(grade(prepare(short), typed)).toMatchObject({ correct: false, feedback: 'Without a port, a client knocks on port 80, where nobody listens.' });
  });

  it('answers any other wrong answer with the general nudge', () => {
    expect(grade(prepare(short), 'web:8081')).toMatchObject({ correct: false, feedback: 'Name the host and the port.' });
  });

  it('does not grade an answer it cannot read, and says how to write it', () => {
    expect(grade(prepare(short), 'web:99999')).toEqual({ kind: 'unreadable', message: '99999 is not a port: ports are numbered from 0 to 65535.' });
  });
});

describe('defining a quiz', () => {
  it('accepts a well-formed quiz', () => {
    expect(() => defineQuiz(spec([choice, short, { ...choice, id: 'again' }]))).not.toThrow();
  });

  it.each<[string, Question[], string]>([
    ['too few questions', [choice, short], `it has 2 questions; a lesson's quiz has ${QUIZ_SIZE.min} to ${QUIZ_SIZE.max}`],
    ['two right options', [choice, short, { ...choice, id: 'x', options: choice.options.map((o) => ({ ...o, correct: true })) }], 'has 2 right options'],
    ['a repeated id', [choice, short, choice], 'question "reply-address" appears twice'],
    ['an option without feedback', [choice, short, { ...choice, id: 'y', options: [...choice.options, { id: 'z', text: 'z', feedback: ' ' }] }], 'option "z" has no feedback'],
    ['an accepted answer that cannot be read', [choice, short, { ...short, id: 'p', answer: 'port', accept: ['eighty'] }], '"eighty" is not read as a port'],
    ['an answer both accepted and wrong', [choice, short, { ...short, id: 'q', wrong: [{ answers: ['WEB : 8080'], feedback: 'no' }] }], '"WEB : 8080" is both accepted and a known wrong answer'],
  ])('refuses %s, naming it', (_name, questions, message) => {
    expect(() => defineQuiz(spec(questions))).toThrow(message);
  });
});

describe('code in quiz texts', () => {
  it('splits backticked code from text', () => {
    expect(inlineParts('run `ip addr` then `ss -tln`.')).toEqual([
      { code: false, text: 'run ' },
      { code: true, text: 'ip addr' },
      { code: false, text: ' then ' },
      { code: true, text: 'ss -tln' },
      { code: false, text: '.' },
    ]);
    expect(inlineParts('a lone ` stays')).toEqual([{ code: false, text: 'a lone ` stays' }]);
  });
});

// Every quiz of the course: defined without problems (defineQuiz throws on import), one per lesson, used by it.
const quizDir = fileURLToPath(new URL('../../src/content/quizzes/', import.meta.url));
const docsDir = fileURLToPath(new URL('../../src/content/docs/', import.meta.url));
const quizFiles = readdirSync(quizDir).filter((file) => file.endsWith('.ts'));
const lessons = readdirSync(docsDir, { recursive: true })
  .map(String)
  .filter((path) => /\.mdx?$/.test(path) && /^chapter:/m.test(readFileSync(docsDir + path, 'utf8')));

describe('the course’s quizzes', () => {
  it.each(quizFiles)('%s belongs to a lesson that shows it with <Quiz id="…" />', async (file) => {
    const quiz = ((await import(`${quizDir}${file}`)) as { default: QuizSpec }).default;
    const id = file.replace(/\.ts$/, '');
    const page = lessons.find((path) => path.replace(/\.mdx?$/, '') === quiz.lesson);
    expect(page, `no lesson ${quiz.lesson} for quiz ${id}`).toBeDefined();
    expect(readFileSync(docsDir + page!, 'utf8')).toContain(`<Quiz id="${id}" />`);
    // Every accepted answer grades as right through the page's own grading.
    for (const question of quiz.questions.map(prepare)) {
      if (question.kind === 'short') for (const answer of question.accept) expect(grade(question, answer)).toMatchObject({ correct: true });
    }
  });

  it.each(lessons)('%s has a quiz', (path) => {
    expect(readFileSync(docsDir + path, 'utf8')).toMatch(/<Quiz id="[a-z0-9-]+" \/>/);
  });
});
