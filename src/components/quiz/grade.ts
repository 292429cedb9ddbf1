/**
 * Grading one answer to one question: pure, the same in the page and in a teacher's copy that re-grades a
 * learner's stored answers. An answer that cannot be read (a port of 99999, an empty field) is not graded:
 * the learner is told how to write it, and nothing is stored.
 */
import type { PreparedQuestion } from './define';
import { normalise } from './normalise';

export type Verdict =
  /** Not graded: `message` says what to fix. */
  | { kind: 'unreadable'; message: string }
  /** `answer`: what is stored (the option's id, or the text as typed, trimmed); `feedback` says why. */
  | { kind: 'graded'; correct: boolean; answer: string; feedback: string };

export function grade(question: PreparedQuestion, given: string): Verdict {
  if (question.kind === 'choice') {
    const option = question.options.find((candidate) => candidate.id === given);
    if (!option) return { kind: 'unreadable', message: 'Choose one of the answers first.' };
    return { kind: 'graded', correct: option.correct === true, answer: option.id, feedback: option.feedback };
  }
  const read = normalise(question.answer, given);
  if (!read.ok) return { kind: 'unreadable', message: read.message };
  const answer = given.trim();
  if (question.accept.includes(read.canonical)) return { kind: 'graded', correct: true, answer, feedback: question.right };
  const known = question.wrong.find((candidate) => candidate.answers.includes(read.canonical));
  return { kind: 'graded', correct: false, answer, feedback: known ? known.feedback : question.otherwise };
}

/** Text with code in backticks, as parts to render: `ip addr` → code. Unpaired backticks stay text. */
export function inlineParts(text: string): { code: boolean; text: string }[] {
  const parts: { code: boolean; text: string }[] = [];
  const pattern = /`([^`]+)`/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push({ code: false, text: text.slice(last, match.index) });
    parts.push({ code: true, text: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ code: false, text: text.slice(last) });
  return parts;
}
