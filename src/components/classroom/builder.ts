/**
 * "Build an assignment": a form over the outline (a whole chapter, or its lessons, exercises and quizzes one
 * by one), read with the same rules as a learner's page reads the link, then written into a link.
 */
import { assignmentLink, encodeAssignment, readAssignment } from '../../lib/classroom/assignment';
import type { Course } from '../../lib/classroom/catalog';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function wireBuilder(root: HTMLElement, course: Course): void {
  const form = root.querySelector<HTMLFormElement>('[data-builder]')!;
  const count = root.querySelector<HTMLElement>('[data-builder-count]')!;
  const problem = root.querySelector<HTMLElement>('[data-builder-problem]')!;
  const result = root.querySelector<HTMLElement>('[data-link-result]')!;
  const status = root.querySelector<HTMLElement>('[data-link-status]')!;
  const output = root.querySelector<HTMLInputElement>('[data-link-output]')!;
  const open = root.querySelector<HTMLAnchorElement>('[data-open-link]')!;
  const copyStatus = root.querySelector<HTMLElement>('[data-copy-status]')!;
  const itemBoxes = [...form.querySelectorAll<HTMLInputElement>('input[name="item"]')];
  const chapterBoxes = [...form.querySelectorAll<HTMLInputElement>('input[data-whole-chapter]')];
  const title = form.querySelector<HTMLInputElement>('input[name="title"]')!;

  const chosen = () => itemBoxes.filter((box) => box.checked).map((box) => box.value);

  const update = () => {
    for (const chapterBox of chapterBoxes) {
      const inChapter = itemBoxes.filter((box) => box.dataset.inChapter === chapterBox.dataset.wholeChapter);
      const ticked = inChapter.filter((box) => box.checked).length;
      chapterBox.checked = ticked === inChapter.length && ticked > 0;
      chapterBox.indeterminate = ticked > 0 && ticked < inChapter.length;
    }
    const keys = chosen();
    const kinds = { lesson: 0, exercise: 0, quiz: 0 };
    for (const key of keys) kinds[key.split(':')[0] as keyof typeof kinds]++;
    count.textContent =
      keys.length === 0
        ? 'Nothing chosen yet.'
        : `${plural(keys.length, 'item')} chosen: ${plural(kinds.lesson, 'lesson')} to read, ${plural(kinds.exercise, 'exercise')}, ${plural(kinds.quiz, 'quiz', 'quizzes')}.`;
  };

  for (const chapterBox of chapterBoxes) {
    chapterBox.addEventListener('change', () => {
      for (const box of itemBoxes) if (box.dataset.inChapter === chapterBox.dataset.wholeChapter) box.checked = chapterBox.checked;
      update();
    });
  }
  for (const box of itemBoxes) box.addEventListener('change', update);

  const say = (text: string, field?: HTMLElement) => {
    problem.textContent = text;
    problem.hidden = false;
    if (field) {
      field.setAttribute('aria-invalid', 'true');
      field.focus();
    } else problem.focus();
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    problem.hidden = true;
    title.removeAttribute('aria-invalid');
    const data = new FormData(form);
    const raw = {
      title: String(data.get('title') ?? ''),
      items: chosen(),
      ...(data.get('due') ? { due: String(data.get('due')) } : {}),
      ...(String(data.get('note') ?? '').trim() ? { note: String(data.get('note')) } : {}),
    };
    if (!raw.title.trim()) return say('Give the assignment a title: learners see it at the top of every page.', title);
    if (raw.items.length === 0) return say('Choose at least one thing to do: a whole chapter, or lessons, exercises and quizzes.', itemBoxes[0]);
    const read = readAssignment(raw, course);
    if (!read.ok) return say(`This assignment ${read.reason}.`);
    const code = await encodeAssignment(read.assignment);
    const link = assignmentLink(new URL(root.dataset.assignmentsPage ?? 'assignments/', location.href).href, code);
    output.value = link;
    open.href = link;
    status.textContent = `The link for “${read.assignment.title}” is ready (${plural(read.assignment.items.length, 'item')}${read.notes.length ? `; ${read.notes.join('; ')}` : ''}). Copy it into your class tool.`;
    copyStatus.textContent = '';
    result.hidden = false;
    status.focus();
  });

  root.querySelector('[data-action="copy-link"]')?.addEventListener('click', async () => {
    output.select();
    try {
      await navigator.clipboard.writeText(output.value);
      copyStatus.textContent = ' Copied.';
    } catch {
      copyStatus.textContent = ' The browser did not let the page copy: the link is selected, press Ctrl+C (⌘C on a Mac).';
    }
  });
  update();
}
