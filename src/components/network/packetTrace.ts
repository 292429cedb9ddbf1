/**
 * The packet trace view: a timeline, one row per packet, a connection filter, and previous/next stepping
 * (buttons, and ←/→ when the view has focus). Tells its owner which packet is current so the diagram can
 * show it.
 *
 * The list is virtual: an ARIA table whose rows are fixed-height and only those in (or near) the scrolled
 * view exist in the DOM, so a run of 100,000 packets draws a few dozen rows. It reads the trace
 * incrementally (each event once) and draws nothing while it is hidden.
 */
import type { TraceEvent } from '../../lib/netsim/types';
import { ALL_PACKETS, formatVirtualTime, stepSelection } from '../../lib/views/packetFilter';
import { PacketList } from '../../lib/views/packetList';
import type { PacketRow } from '../../lib/views/packetRows';
import { isEditableEvent } from '../site/editable-target';

export interface PacketTraceElements {
  /** Receives ←/→ when it or anything in it (but the select) has focus. */
  region: HTMLElement;
  filter: HTMLSelectElement;
  previous: HTMLButtonElement;
  next: HTMLButtonElement;
  /** The scrolling box around the table. */
  scroller: HTMLElement;
  /** The element with role="table". */
  table: HTMLElement;
  /** The table's body row group: the rows go here. */
  body: HTMLElement;
  /** Polite live region: "Packet 2 of 6: SYN-ACK from …". */
  status: HTMLElement;
}

export interface PacketTraceView {
  /** Reads the trace; `epoch` changes when the trace is a new array rather than the old one grown. */
  update(trace: readonly TraceEvent[], epoch: number): void;
  /** The current packet, or null. */
  readonly current: PacketRow | null;
  select(index: number | null): void;
  /** Draws the rows in view: after the view is shown or resized. */
  refresh(): void;
  dispose(): void;
}

/** Rows drawn above and below the scrolled view, so a short scroll shows rows at once. */
const OVERSCAN = 8;
/**
 * A long trace is read in turns of this many milliseconds, the page answering clicks in between: the rows
 * read so far are shown at once and the rest join them.
 */
const READ_TURN_MS = 8;
const EVENTS_PER_CHECK = 500;
/** Connections offered by the filter (besides "All packets"). */
const FILTER_OPTIONS = 200;

export function mountPacketTrace(elements: PacketTraceElements, onSelect: (row: PacketRow | null) => void): PacketTraceView {
  const { scroller, table, body } = elements;
  let list = new PacketList();
  let epoch: number | null = null;
  let selected: number | null = null;
  let optionCount = -1;
  /** The drawn rows, by trace index: kept while in view, so a focused row button keeps its focus. */
  const drawn = new Map<number, HTMLElement>();
  const probe = document.createElement('div');
  probe.className = 'np-packet-probe';
  probe.setAttribute('aria-hidden', 'true');
  table.append(probe);

  const renderFilter = () => {
    const every = list.options();
    // A list of thousands of connections helps nobody: the first ones, and a line that says how many more.
    const options = every.slice(0, FILTER_OPTIONS + 1);
    if (every.length > options.length) options.push({ value: '', label: `… ${(every.length - options.length).toLocaleString('en-US')} more connections, not listed` });
    // The labels carry packet counts: the options are rewritten as the counts change, the choice kept.
    if (options.length === optionCount && elements.filter.options.length === options.length) {
      options.forEach((option, i) => {
        const element = elements.filter.options[i]!;
        if (element.textContent !== option.label) element.textContent = option.label;
      });
      return;
    }
    optionCount = options.length;
    elements.filter.replaceChildren(
      ...options.map((option) => {
        const element = document.createElement('option');
        element.value = option.value;
        element.textContent = option.label;
        element.selected = option.value === list.flow;
        element.disabled = option.value === '';
        return element;
      }),
    );
  };

  const position = () => (selected === null ? -1 : list.visible.findIndex((row) => row.index === selected));

  const renderButtons = () => {
    const rows = list.visible;
    const at = position();
    elements.previous.disabled = rows.length === 0 || at === 0;
    elements.next.disabled = rows.length === 0 || at === rows.length - 1;
  };

  const renderRows = () => {
    const rows = list.visible;
    table.setAttribute('aria-rowcount', String(rows.length + 1));
    if (rows.length === 0) {
      drawn.clear();
      body.style.height = '';
      const row = document.createElement('div');
      row.setAttribute('role', 'row');
      row.className = 'np-packet-empty';
      const cell = document.createElement('span');
      cell.setAttribute('role', 'cell');
      cell.className = 'np-empty';
      cell.textContent = list.rows.length === 0 ? 'No packets yet. Run the program to see them.' : 'No packets on this connection.';
      row.append(cell);
      body.replaceChildren(row);
      return;
    }
    body.querySelector(':scope > .np-packet-empty')?.remove();
    const rowHeight = probe.offsetHeight;
    if (rowHeight === 0) return; // hidden: drawn when shown (refresh)
    // The body's height first: the box grows with it (up to its maximum), and then says how much is in view.
    body.style.height = `${rows.length * rowHeight}px`;
    const viewport = scroller.clientHeight;
    const top = Math.max(0, scroller.scrollTop - body.offsetTop);
    const first = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
    const last = Math.min(rows.length, Math.ceil((top + viewport) / rowHeight) + OVERSCAN);
    const keep = new Set<number>();
    for (let i = first; i < last; i++) {
      const row = rows[i]!;
      keep.add(row.index);
      let element = drawn.get(row.index);
      if (!element) {
        element = rowElement(row, select);
        drawn.set(row.index, element);
      }
      // The number is the packet's place in the list shown: a filtered list counts from 1 too.
      element.setAttribute('aria-rowindex', String(i + 2));
      element.querySelector('.np-row-button')!.textContent = String(i + 1);
      element.querySelector('.np-row-button')!.setAttribute('aria-label', `Show packet ${i + 1}: ${row.label}`);
      element.style.transform = `translateY(${i * rowHeight}px)`;
      if (row.index === selected) element.setAttribute('aria-current', 'true');
      else element.removeAttribute('aria-current');
      if (element.parentElement !== body) body.append(element);
    }
    for (const [index, element] of drawn) {
      if (keep.has(index)) continue;
      element.remove();
      drawn.delete(index);
    }
  };

  /** Scrolls the list so the selected row is in view. */
  const reveal = () => {
    const at = position();
    const rowHeight = probe.offsetHeight;
    if (at < 0 || rowHeight === 0) return;
    const top = body.offsetTop + at * rowHeight;
    const header = body.offsetTop;
    if (top - header < scroller.scrollTop) scroller.scrollTop = top - header;
    else if (top + rowHeight > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = top + rowHeight - scroller.clientHeight;
  };

  const current = () => (selected === null ? null : (list.rows.find((row) => row.index === selected) ?? null));

  function select(index: number | null) {
    selected = index;
    const row = current();
    if (!row) selected = null;
    reveal();
    renderRows();
    renderButtons();
    const at = position();
    elements.status.textContent = row ? `Packet ${at + 1} of ${list.visible.length}: ${row.summary}, at ${formatVirtualTime(row.at)}.` : '';
    onSelect(row);
  }

  const step = (direction: 'next' | 'previous' | 'first' | 'last') => select(stepSelection(list.visible, selected, direction));

  const onKey = (event: KeyboardEvent) => {
    if (isEditableEvent(event) || event.altKey || event.ctrlKey || event.metaKey) return;
    const keys: Record<string, 'next' | 'previous' | 'first' | 'last'> = { ArrowRight: 'next', ArrowLeft: 'previous', Home: 'first', End: 'last' };
    const direction = keys[event.key];
    if (!direction) return;
    event.preventDefault();
    step(direction);
  };
  const onPrevious = () => step('previous');
  const onNext = () => step('next');
  const onFilter = () => {
    list.choose(elements.filter.value);
    scroller.scrollTop = 0;
    // Keep the current packet if it is on the chosen connection; otherwise nothing is current.
    if (selected !== null && position() < 0) select(null);
    else {
      reveal();
      renderRows();
      renderButtons();
    }
  };
  let scrollFrame = 0;
  const onScroll = () => {
    if (scrollFrame) return;
    scrollFrame = requestAnimationFrame(() => {
      scrollFrame = 0;
      renderRows();
    });
  };

  elements.region.addEventListener('keydown', onKey);
  elements.previous.addEventListener('click', onPrevious);
  elements.next.addEventListener('click', onNext);
  elements.filter.addEventListener('change', onFilter);
  scroller.addEventListener('scroll', onScroll, { passive: true });
  renderFilter();
  renderRows();
  renderButtons();

  let source: readonly TraceEvent[] = [];
  let reading: ReturnType<typeof setTimeout> | undefined;
  /** The connection chosen before the trace was replaced, chosen again once its packets are read. */
  let wantedFlow: string | null = null;
  /** Reads for one turn, draws what was read, and comes back for the rest in a later task. */
  const readTurn = () => {
    reading = undefined;
    const until = performance.now() + READ_TURN_MS;
    while (list.read < source.length && performance.now() < until) list.extend(source, EVENTS_PER_CHECK);
    const done = list.read >= source.length;
    if (wantedFlow !== null && (list.has(wantedFlow) || done)) {
      list.choose(wantedFlow);
      wantedFlow = null;
    }
    if (selected !== null && !current() && done) select(null);
    renderFilter();
    renderRows();
    renderButtons();
    if (list.read < source.length) reading = setTimeout(readTurn, 0);
  };

  return {
    update(trace, traceEpoch) {
      if (traceEpoch !== epoch) {
        // A new trace: read it from the start, keeping the chosen connection if it is in it.
        wantedFlow = list.flow === ALL_PACKETS ? null : list.flow;
        epoch = traceEpoch;
        list = new PacketList();
        drawn.clear();
        body.replaceChildren();
        optionCount = -1;
      } else if (trace.length <= list.read) {
        return;
      }
      source = trace;
      if (reading === undefined) readTurn();
    },
    get current() {
      return current();
    },
    select,
    refresh() {
      renderRows();
      reveal();
    },
    dispose() {
      cancelAnimationFrame(scrollFrame);
      clearTimeout(reading);
      elements.region.removeEventListener('keydown', onKey);
      elements.previous.removeEventListener('click', onPrevious);
      elements.next.removeEventListener('click', onNext);
      elements.filter.removeEventListener('change', onFilter);
      scroller.removeEventListener('scroll', onScroll);
    },
  };
}

const ARROWS = { right: '──▶', left: '◀──' } as const;

function cell(className: string, text?: string): HTMLElement {
  const element = document.createElement('span');
  element.setAttribute('role', 'cell');
  element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

function rowElement(row: PacketRow, select: (index: number) => void): HTMLElement {
  const element = document.createElement('div');
  element.setAttribute('role', 'row');
  element.dataset.index = String(row.index);
  element.dataset.packet = row.name;
  element.className = `np-packet-row np-name-${row.name}${row.dropped ? ' is-dropped' : ''}`;

  const numberCell = cell('np-number');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'np-row-button';
  button.addEventListener('click', () => select(row.index));
  numberCell.append(button);

  const arrow = cell(`np-arrow np-arrow-${row.direction}`);
  // The arrow is drawn; a screen reader hears which way the packet went.
  const drawnArrow = document.createElement('span');
  drawnArrow.setAttribute('aria-hidden', 'true');
  drawnArrow.textContent = ARROWS[row.direction];
  const words = document.createElement('span');
  words.className = 'sr-only';
  words.textContent = row.direction === 'right' ? 'sends to' : 'receives from';
  arrow.append(drawnArrow, words);

  const details = [row.detail, row.preview ? `“${row.preview}”` : ''].filter(Boolean).join(' ') + (row.dropped ? ' (dropped)' : '');
  element.append(
    numberCell,
    cell('np-label', row.tcpdumpFlags ? `${row.label} ${row.tcpdumpFlags}` : row.label),
    cell('np-time', formatVirtualTime(row.at)),
    cell('np-end np-end-left', row.flow.left),
    arrow,
    cell('np-end np-end-right', row.flow.right),
    cell('np-detail', details),
  );
  return element;
}
