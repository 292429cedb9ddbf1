/**
 * The assignment strip on every page: one line per open assignment (title, due date, a link to its
 * checklist), from the learner's progress. Reads only each link's title and due date, so it stays small: the
 * checklist page reads the whole assignment. Also records the first visit of a lesson page (at once, with the
 * progress store the page loads anyway).
 */
import { pageProgress } from '../exercise/page-progress';

/**
 * Reading an assignment's code (decoding, validating) is loaded only when the learner has an open
 * assignment: most visits have none, and the lesson page stays light.
 */
const readers = () => Promise.all([import('../../lib/classroom/assignment'), import('../../lib/classroom/read')]);

export function bootAssignmentBanner(): void {
  const strip = document.querySelector<HTMLElement>('[data-assignment-banner]');
  if (!strip || strip.dataset.booted) return;
  strip.dataset.booted = 'true';
  const store = pageProgress();
  if (strip.dataset.lesson) store.visitLesson(strip.dataset.lesson);
  if (strip.dataset.here !== undefined) return;
  let drawn = '';
  const draw = async () => {
    const open = store.assignments();
    const key = open.map(({ id }) => id).join(' ');
    if (key === drawn) return;
    drawn = key;
    if (open.length === 0) {
      strip.hidden = true;
      strip.replaceChildren();
      return;
    }
    const [{ assignmentHeadline }, { readableDate }] = await readers();
    const lines = (await Promise.all(open.map(async ({ id, code }) => ({ id, headline: await assignmentHeadline(code) })))).filter((line) => line.headline);
    if (lines.length === 0) {
      strip.hidden = true;
      strip.replaceChildren();
      return;
    }
    const list = document.createElement('ul');
    list.setAttribute('aria-label', lines.length === 1 ? 'Your assignment' : 'Your assignments');
    for (const { id, headline } of lines) {
      const item = document.createElement('li');
      const kicker = document.createElement('span');
      kicker.className = 'assignment-banner-kicker';
      kicker.textContent = 'Assignment: ';
      const link = document.createElement('a');
      link.href = `${strip.dataset.checklists}#assignment-${id}`;
      link.textContent = headline!.title;
      item.append(kicker, link);
      if (headline!.due) item.append(` — due ${readableDate(headline!.due)}`);
      list.append(item);
    }
    strip.replaceChildren(list);
    strip.hidden = false;
  };
  void draw();
  store.subscribe(() => void draw());
}
