/**
 * A lesson's quiz, as data: `src/content/quizzes/<id>.ts` exports `defineQuiz({ … })`. Texts may put code in
 * backticks. `defineQuiz` checks the quiz when the site builds (a mistake fails the build with a sentence
 * naming it), and reads every accepted and anticipated answer through the same normaliser as the learner's,
 * so `10.0.0.2 : 80` in a definition means what it means in an answer.
 */
import { normalise, type AnswerKind } from './normalise';

/** One option of a multiple-choice question; `feedback` says why it is right or wrong. */
export interface ChoiceOption {
  id: string;
  text: string;
  correct?: boolean;
  feedback: string;
}

export interface ChoiceQuestion {
  kind: 'choice';
  id: string;
  prompt: string;
  options: ChoiceOption[];
}

/** An anticipated wrong answer and what to tell the learner who gives it. */
export interface KnownWrong {
  answers: string[];
  feedback: string;
}

export interface ShortQuestion {
  kind: 'short';
  id: string;
  prompt: string;
  /** What is typed: an address, a port, an end-point (`web:8080`), a CIDR (`10.0.0.0/24`), a number or a word. */
  answer: AnswerKind;
  /** The input's label, e.g. "Address"; the prompt is the question. */
  label: string;
  /** An example of the form (`10.0.0.2`), shown under the input. */
  example?: string;
  accept: string[];
  /** Why the right answer is right. */
  right: string;
  wrong?: KnownWrong[];
  /** For any other wrong answer: a nudge toward the idea, not the answer. */
  otherwise: string;
}

export type Question = ChoiceQuestion | ShortQuestion;

export interface QuizSpec {
  /** The lesson it belongs to (`nic/network-card`), counted toward that lesson's completion. */
  lesson: string;
  /** A short heading, e.g. "Check your understanding". */
  title?: string;
  questions: Question[];
}

export interface Quiz extends QuizSpec {
  /** The file name under src/content/quizzes/. */
  id: string;
}

/** A question as the page grades it: short answers' accepted and anticipated answers in canonical form. */
export type PreparedQuestion =
  | ChoiceQuestion
  | (Omit<ShortQuestion, 'accept' | 'wrong'> & { accept: string[]; wrong: KnownWrong[] });

export const QUIZ_SIZE = { min: 3, max: 6 } as const;
const ID = /^[a-z][a-z0-9-]*$/;

function problemsOf(spec: QuizSpec): string[] {
  const problems: string[] = [];
  const count = spec.questions.length;
  if (count < QUIZ_SIZE.min || count > QUIZ_SIZE.max) problems.push(`it has ${count} questions; a lesson's quiz has ${QUIZ_SIZE.min} to ${QUIZ_SIZE.max}`);
  const seen = new Set<string>();
  for (const question of spec.questions) {
    const where = `question "${question.id}"`;
    if (!ID.test(question.id) || question.id.length > 64) problems.push(`${where}: an id is lower-case letters, digits and dashes`);
    if (seen.has(question.id)) problems.push(`${where} appears twice`);
    seen.add(question.id);
    if (!question.prompt.trim()) problems.push(`${where} has no prompt`);
    if (question.kind === 'choice') {
      const right = question.options.filter((option) => option.correct).length;
      if (question.options.length < 2) problems.push(`${where} has fewer than two options`);
      if (right !== 1) problems.push(`${where} has ${right} right options; it needs exactly one`);
      const optionIds = new Set<string>();
      for (const option of question.options) {
        if (!ID.test(option.id) || optionIds.has(option.id)) problems.push(`${where}: option "${option.id}" needs a unique id of lower-case letters, digits and dashes`);
        optionIds.add(option.id);
        if (!option.feedback.trim()) problems.push(`${where}: option "${option.id}" has no feedback saying why`);
      }
    } else {
      const canonical = (answer: string) => {
        const read = normalise(question.answer, answer);
        if (!read.ok) problems.push(`${where}: "${answer}" is not read as a ${question.answer}: ${read.message}`);
        return read.ok ? read.canonical : answer;
      };
      if (question.accept.length === 0) problems.push(`${where} accepts no answer`);
      const accepted = new Set(question.accept.map(canonical));
      for (const known of question.wrong ?? []) {
        for (const answer of known.answers) if (accepted.has(canonical(answer))) problems.push(`${where}: "${answer}" is both accepted and a known wrong answer`);
        if (!known.feedback.trim()) problems.push(`${where}: a known wrong answer has no feedback`);
      }
      if (!question.right.trim() || !question.otherwise.trim()) problems.push(`${where} needs both "right" and "otherwise" feedback`);
    }
  }
  return problems;
}

/** Checks a quiz (throws, naming every problem) and returns it. */
export function defineQuiz(spec: QuizSpec): QuizSpec {
  const problems = problemsOf(spec);
  if (problems.length > 0) throw new Error(`Quiz for ${spec.lesson} is wrong:\n- ${problems.join('\n- ')}`);
  return spec;
}

/** The question with its answers in canonical form, as the page grades it. */
export function prepare(question: Question): PreparedQuestion {
  if (question.kind === 'choice') return question;
  const canonical = (answer: string) => {
    const read = normalise(question.answer, answer);
    return read.ok ? read.canonical : answer;
  };
  return {
    ...question,
    accept: question.accept.map(canonical),
    wrong: (question.wrong ?? []).map((known) => ({ ...known, answers: known.answers.map(canonical) })),
  };
}
