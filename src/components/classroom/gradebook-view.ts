/**
 * The gradebook on the page: a table of learners × items with sortable columns (buttons in the headers,
 * `aria-sort` on the column), a name filter and a "show" filter, each cell a button that opens its details,
 * the groups of similar solutions, and the CSV download. Built with DOM calls only: every learner name and
 * every text in a hand-in is untrusted.
 */
import type { Course } from '../../lib/classroom/catalog';
import { flagCount, gradebookCsv, visibleRows, type Cell, type Gradebook, type Row, type Show, type SortKey } from '../../lib/classroom/gradebook';
import { amount, readableTime, shortDay } from '../../lib/classroom/read';
import { downloadText } from '../exercise/download';
import { button, element } from './embedded';

export interface GradebookView {
  show(book: Gradebook): void;
  /** The button that opened the detail shown now, to give the focus back to. */
  focusOrigin(): void;
}

type Direction = 'ascending' | 'descending';

/** Rows drawn at a time. */
const ROW_STEP = 100;
/** Names listed under a group of similar code; the rest are counted. */
const NAMES_PER_GROUP = 30;

const mark: Record<Cell['state'], string> = { done: '✓', failed: '✗', started: '◐', 'not-started': '–', waiting: '…', problem: '!' };
const stateWord: Record<Cell['state'], string> = { done: 'done', failed: 'failed', started: 'started', 'not-started': 'not done', waiting: 'waiting', problem: 'problem' };

export function createGradebookView(root: HTMLElement, course: Course, open: (row: Row, cell: Cell | null, origin: HTMLElement) => void): GradebookView {
  const section = root.querySelector<HTMLElement>('[data-gradebook]')!;
  const table = section.querySelector<HTMLTableElement>('[data-gradebook-table]')!;
  const head = table.tHead!;
  const body = table.tBodies[0]!;
  const find = section.querySelector<HTMLInputElement>('[data-find]')!;
  const showSelect = section.querySelector<HTMLSelectElement>('[data-show]')!;
  const count = section.querySelector<HTMLElement>('[data-gradebook-count]')!;
  const similar = section.querySelector<HTMLElement>('[data-similar-list]')!;
  const more = section.querySelector<HTMLElement>('[data-gradebook-more]')!;
  /** Rows drawn at most: a class of 1,000 is drawn a few hundred rows at a time, and says so. */
  let rowLimit = ROW_STEP;
  let book: Gradebook | undefined;
  let sort: SortKey = { by: 'learner' };
  let direction: Direction = 'ascending';
  /** The id of the control that opened the detail, so the focus can come back to it after a redraw. */
  let origin: string | undefined;
  let lastCount = '';

  const sameSort = (a: SortKey, b: SortKey) => a.by === b.by && (a.by !== 'column' || (b.by === 'column' && a.index === b.index));

  function header(label: string, key: SortKey, extra?: string): HTMLTableCellElement {
    const th = element('th');
    th.scope = 'col';
    const active = book && sameSort(sort, key);
    th.setAttribute('aria-sort', active ? direction : 'none');
    const sortButton = button('', 'gradebook-sort');
    sortButton.append(label);
    if (extra) sortButton.append(element('span', 'gradebook-sub', extra));
    const arrow = element('span', 'gradebook-arrow', active ? (direction === 'ascending' ? ' ▲' : ' ▼') : '');
    arrow.setAttribute('aria-hidden', 'true');
    sortButton.append(arrow);
    sortButton.dataset.sortKey = JSON.stringify(key);
    sortButton.addEventListener('click', () => {
      if (sameSort(sort, key)) direction = direction === 'ascending' ? 'descending' : 'ascending';
      else {
        sort = key;
        direction = key.by === 'learner' ? 'ascending' : 'descending';
      }
      draw();
      section.querySelector<HTMLButtonElement>(`button[data-sort-key='${JSON.stringify(key)}']`)?.focus();
    });
    th.append(sortButton);
    return th;
  }

  function rowHeader(row: Row): HTMLTableCellElement {
    const th = element('th');
    th.scope = 'row';
    const learner = button('', 'gradebook-learner');
    learner.id = `gb-learner-${row.handIn.index}`;
    learner.append(element('span', 'gradebook-name', row.handIn.handIn.learner));
    const flags = flagCount(row);
    learner.append(element('span', 'gradebook-sub', `${row.done} of ${row.cells.length} done${flags ? ` · ${flags} flag${flags === 1 ? '' : 's'}` : ''}`));
    learner.addEventListener('click', () => {
      origin = learner.id;
      open(row, null, learner);
    });
    th.append(learner);
    return th;
  }

  function cellOf(row: Row, cell: Cell, column: number): HTMLTableCellElement {
    const td = element('td', `gradebook-cell is-${cell.state}${cell.flags.length ? ' is-flagged' : ''}`);
    const content: (string | HTMLElement)[] = [];
    const symbol = element('span', 'gradebook-mark', mark[cell.state]);
    symbol.setAttribute('aria-hidden', 'true');
    content.push(symbol, element('span', 'sr-only', `${stateWord[cell.state]}: `), element('span', '', cell.text));
    for (const flag of cell.flags) {
      const badge = element('span', `gradebook-flag is-${flag.kind}`, flag.group ? `⚑ ${flag.group}` : '⚑');
      badge.title = flag.text;
      content.push(' ', badge, element('span', 'sr-only', ` (flag: ${flag.text})`));
    }
    // When: a lesson's time is in its text; an exercise's is when the learner's page saw it pass, a quiz's when its last question was answered right.
    if (cell.at && cell.item.kind !== 'lesson') {
      const day = shortDay(cell.at);
      content.push(element('span', 'gradebook-sub gradebook-when', cell.item.kind === 'exercise' ? `passed on their page ${day}` : `all right ${day}`));
    }
    if (cell.item.kind === 'lesson') {
      td.append(...content);
      return td;
    }
    const details = button('', 'gradebook-cell-button');
    details.id = `gb-cell-${row.handIn.index}-${column}`;
    details.append(...content, element('span', 'sr-only', ` — details for ${row.handIn.handIn.learner}, ${course.title(cell.item)}`));
    details.addEventListener('click', () => {
      origin = details.id;
      open(row, cell, details);
    });
    td.append(details);
    return td;
  }

  function drawSimilar(current: Gradebook) {
    if (current.groups.length === 0) {
      similar.replaceChildren(element('p', '', 'No two hand-ins have the same code, or the same code apart from names, comments and layout.'));
      return;
    }
    const names = new Map(current.rows.map((row) => [row.handIn.index, row.handIn.handIn.learner]));
    const list = element('ul');
    for (const group of current.groups) {
      const item = element('li');
      const kind = group.kind === 'identical' ? 'the same code' : 'the same code apart from names, comments and layout';
      item.append(
        element('strong', '', `Group ${group.label}`),
        ` — ${course.title({ kind: 'exercise', id: group.exercise })}: ${amount(group.handIns.length)} hand-ins with ${kind}${group.isSolution ? ', the reference solution (a lesson shows it after three failed runs)' : ''}: `,
        group.handIns
          .slice(0, NAMES_PER_GROUP)
          .map((index) => names.get(index) ?? `hand-in ${index + 1}`)
          .join(', '),
        group.handIns.length > NAMES_PER_GROUP ? ` and ${amount(group.handIns.length - NAMES_PER_GROUP)} more (the Flagged filter shows them all)` : '',
        '.',
      );
      list.append(item);
    }
    similar.replaceChildren(
      list,
      element('p', 'classroom-aside', 'A group is a reason to look, not proof of copying: a short exercise has few good answers, and learners who follow the lesson write alike.'),
    );
  }

  function draw() {
    if (!book) return;
    const current = book;
    const rows = visibleRows(current, { name: find.value, show: showSelect.value as Show }, sort, direction);
    const headRow = element('tr');
    headRow.append(header('Learner', { by: 'learner' }), header('Done', { by: 'done' }));
    current.columns.forEach((item, index) => headRow.append(header(course.shortLabel(item), { by: 'column', index }, course.title(item))));
    head.replaceChildren(headRow);
    const fragment = document.createDocumentFragment();
    for (const row of rows.slice(0, rowLimit)) {
      const tr = element('tr');
      const done = element('td', 'gradebook-done', `${row.done}/${row.cells.length}`);
      tr.append(rowHeader(row), done);
      row.cells.forEach((cell, index) => tr.append(cellOf(row, cell, index)));
      fragment.append(tr);
    }
    body.replaceChildren(fragment);
    more.hidden = rows.length <= rowLimit;
    if (rows.length > rowLimit) {
      const showMore = button(`Show ${amount(Math.min(ROW_STEP, rows.length - rowLimit))} more`);
      showMore.id = 'gradebook-show-more';
      showMore.addEventListener('click', () => {
        rowLimit += ROW_STEP;
        draw();
        // The focus goes to the first row just shown.
        body.rows[rowLimit - ROW_STEP]?.querySelector('button')?.focus();
      });
      more.replaceChildren(`The first ${amount(rowLimit)} of these ${amount(rows.length)} rows are shown, in this order. Find a learner, choose what to show or sort to see others, or `, showMore, '.');
    }
    const all = current.rows.length;
    const text = rows.length === all ? `${amount(all)} hand-in${all === 1 ? '' : 's'}.` : `${amount(rows.length)} of ${amount(all)} hand-ins shown.`;
    if (text !== lastCount) count.textContent = lastCount = text;
    drawSimilar(current);
    if (origin && document.activeElement === document.body) document.getElementById(origin)?.focus();
  }

  find.addEventListener('input', draw);
  showSelect.addEventListener('change', draw);
  section.querySelector('[data-action="download-csv"]')?.addEventListener('click', () => {
    if (!book) return;
    const title = book.rows[0]?.handIn.handIn.assignment.title ?? 'gradebook';
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'gradebook';
    downloadText(`${slug}-gradebook-${new Date().toISOString().slice(0, 10)}.csv`, gradebookCsv(book), 'text/csv');
  });

  return {
    show(next) {
      const focused = document.activeElement;
      const keep = focused instanceof HTMLElement && section.contains(focused) ? focused.id || focused.dataset.sortKey : undefined;
      book = next;
      section.hidden = false;
      draw();
      if (keep) (document.getElementById(keep) ?? section.querySelector<HTMLElement>(`button[data-sort-key='${keep}']`))?.focus();
    },
    focusOrigin() {
      const target = origin ? document.getElementById(origin) : null;
      (target ?? section.querySelector<HTMLElement>('#gradebook-title'))?.focus();
    },
  };
}

/** "Made 1 Dec 2026, 09:00 · from ada.endpoints.json". */
export function provenance(row: Row): string {
  return `made ${readableTime(row.handIn.handIn.madeAt)} · from ${row.handIn.source}`;
}
