/**
 * The quiz in the page: grades each checked answer (grade.ts), says why in the question's live region, keeps
 * the answer in the learner's progress, and on a return visit shows the last answers with their feedback.
 */
import { pageProgress } from '../exercise/page-progress';
import type { PreparedQuestion } from './define';
import type { Verdict } from './grade';

/**
 * Grading is loaded when it is first needed (an answer checked, or last answers to show again): a lesson
 * page's first paint does without it.
 */
type Grading = typeof import('./grade');
let grading: Promise<Grading> | undefined;
const loadGrading = (): Promise<Grading> => (grading ??= import('./grade'));

interface QuizData {
  id: string;
  questions: PreparedQuestion[];
}

/** Feedback as nodes: a verdict word first (not colour alone), then the explanation with its code. */
function showFeedback(area: HTMLElement, verdict: Verdict, { inlineParts }: Grading): void {
  area.replaceChildren();
  area.dataset.state = verdict.kind === 'unreadable' ? 'unreadable' : verdict.correct ? 'right' : 'wrong';
  const paragraph = document.createElement('p');
  const lead = document.createElement('strong');
  lead.textContent = verdict.kind === 'unreadable' ? 'Not checked yet: ' : verdict.correct ? 'Right. ' : 'Not quite. ';
  paragraph.append(lead);
  const text = verdict.kind === 'unreadable' ? verdict.message : verdict.feedback;
  for (const part of inlineParts(text)) {
    if (part.code) {
      const code = document.createElement('code');
      code.textContent = part.text;
      paragraph.append(code);
    } else paragraph.append(part.text);
  }
  if (verdict.kind === 'graded' && !verdict.correct) paragraph.append(' Try again.');
  area.append(paragraph);
}

function givenAnswer(form: HTMLFormElement, question: PreparedQuestion): string {
  if (question.kind === 'choice') return form.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value ?? '';
  return form.querySelector<HTMLInputElement>('input[type="text"]')?.value ?? '';
}

function restoreAnswer(form: HTMLFormElement, question: PreparedQuestion, answer: string): void {
  if (question.kind === 'choice') {
    for (const radio of form.querySelectorAll<HTMLInputElement>('input[type="radio"]')) radio.checked = radio.value === answer;
  } else {
    const input = form.querySelector<HTMLInputElement>('input[type="text"]');
    if (input) input.value = answer;
  }
}

function bootQuiz(root: HTMLElement): void {
  const script = root.querySelector<HTMLScriptElement>('script[data-quiz-data]');
  if (!script?.textContent) return;
  const data = JSON.parse(script.textContent) as QuizData;
  const store = pageProgress();
  const score = root.querySelector<HTMLElement>('[data-quiz-score]');
  const ids = data.questions.map((question) => question.id);

  const updateScore = () => {
    const answers = store.quiz(data.id).answers;
    const right = ids.filter((id) => Object.hasOwn(answers, id) && answers[id]!.correct).length;
    if (!score) return;
    score.textContent =
      right === ids.length ? `All ${ids.length} questions answered right: this quiz counts as done.` : `${right} of ${ids.length} questions answered right so far.`;
    score.dataset.done = String(right === ids.length);
  };

  const saved = store.quiz(data.id).answers;
  const forms: { question: PreparedQuestion; form: HTMLFormElement; area: HTMLElement }[] = [];
  for (const question of data.questions) {
    const item = root.querySelector<HTMLElement>(`[data-question="${CSS.escape(question.id)}"]`);
    const form = item?.querySelector<HTMLFormElement>('form');
    const area = item?.querySelector<HTMLElement>('[data-feedback]');
    if (!form || !area) continue;
    forms.push({ question, form, area });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const answer = givenAnswer(form, question);
      void loadGrading().then((loaded) => {
        const verdict = loaded.grade(question, answer);
        showFeedback(area, verdict, loaded);
        if (verdict.kind === 'graded') store.answerQuestion(data.id, question.id, verdict.answer, verdict.correct);
        updateScore();
      });
    });
  }
  updateScore();

  // Restored feedback is filled in before the regions are live, so a screen reader does not read it all out on load.
  const goLive = () => {
    for (const { area } of forms) area.setAttribute('aria-live', 'polite');
    root.dataset.ready = 'true';
  };
  const answered = forms.filter(({ question }) => Object.hasOwn(saved, question.id));
  if (answered.length === 0) {
    goLive();
    return;
  }
  void loadGrading().then((loaded) => {
    for (const { question, form, area } of answered) {
      const last = saved[question.id]!;
      restoreAnswer(form, question, last.answer);
      const verdict = loaded.grade(question, last.answer);
      if (verdict.kind === 'graded') showFeedback(area, verdict, loaded);
    }
    goLive();
  });
}

export function bootQuizzes(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-quiz]')) {
    if (root.dataset.ready) continue;
    bootQuiz(root);
  }
}
