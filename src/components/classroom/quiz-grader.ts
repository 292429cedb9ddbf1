/**
 * Grading handed-in quiz answers again on the teacher's page, with the lesson's own grader
 * (src/components/quiz/grade.ts) over the questions as the lessons prepare them (src/components/quiz/define.ts):
 * an answer is right here exactly when it would be right in the lesson today.
 */
import type { QuizGrader } from '../../lib/classroom/gradebook';
import { prepare, type PreparedQuestion, type Quiz } from '../quiz/define';
import { grade } from '../quiz/grade';

/** Quiz id → its questions as the page grades them: what the teacher's page embeds at build time. */
export type PreparedQuizzes = Record<string, PreparedQuestion[]>;

export function prepareQuizzes(quizzes: readonly Quiz[]): PreparedQuizzes {
  return Object.fromEntries(quizzes.map((quiz) => [quiz.id, quiz.questions.map(prepare)]));
}

/** Null for a question the course no longer asks; an answer the grader cannot read counts as wrong. */
export function quizGrader(questions: PreparedQuizzes): QuizGrader {
  return (quizId, questionId, answer) => {
    const question = Object.hasOwn(questions, quizId) ? questions[quizId]!.find((candidate) => candidate.id === questionId) : undefined;
    if (!question) return null;
    const verdict = grade(question, answer);
    return verdict.kind === 'graded' && verdict.correct;
  };
}
