/**
 * The packet trace view: a timeline table, one row per packet, a connection filter, and previous/next
 * stepping (buttons, and ←/→ when the view has focus). Tells its owner which packet is current so the
 * diagram can show it.
 */
import type { TraceEvent } from '../../lib/netsim/types';
import { isEditableEvent } from '../site/editable-target';
import { ALL_PACKETS, filterRows, flowOptions, formatVirtualTime, stepSelection } from '../../lib/views/packetFilter';
import { packetRows, type PacketRow } from '../../lib/views/packetRows';

export interface PacketTraceElements {
  /** Receives ←/→ when it or anything in it (but the select) has focus. */
  region: HTMLElement;
  filter: HTMLSelectElement;
  previous: HTMLButtonElement;
  next: HTMLButtonElement;
  body: HTMLTableSectionElement;
  /** Polite live region: "Packet 2 of 6: SYN-ACK from …". */
  status: HTMLElement;
}

export interface PacketTraceView {
  update(trace: readonly TraceEvent[]): void;
  /** The current packet, or null. */
  readonly current: PacketRow | null;
  select(index: number | null): void;
  dispose(): void;
}

export function mountPacketTrace(elements: PacketTraceElements, onSelect: (row: PacketRow | null) => void): PacketTraceView {
  let rows: PacketRow[] = [];
  let visible: PacketRow[] = [];
  let selected: number | null = null;
  let flow = ALL_PACKETS;

  const renderFilter = () => {
    const options = flowOptions(rows);
    if (!options.some((option) => option.value === flow)) flow = ALL_PACKETS;
    elements.filter.replaceChildren(
      ...options.map((option) => {
        const element = document.createElement('option');
        element.value = option.value;
        element.textContent = option.label;
        element.selected = option.value === flow;
        return element;
      }),
    );
  };

  const renderRows = () => {
    visible = filterRows(rows, flow);
    if (visible.length === 0) {
      const tr = document.createElement('tr');
      const td = document.createElement('td');
      td.colSpan = 7;
      td.className = 'np-empty';
      td.textContent = rows.length === 0 ? 'No packets yet. Run the program to see them.' : 'No packets on this connection.';
      tr.append(td);
      elements.body.replaceChildren(tr);
    } else {
      elements.body.replaceChildren(...visible.map((row, i) => rowElement(row, i + 1, row.index === selected, select)));
    }
    const position = visible.findIndex((row) => row.index === selected);
    elements.previous.disabled = visible.length === 0 || position === 0;
    elements.next.disabled = visible.length === 0 || position === visible.length - 1;
  };

  const current = () => rows.find((row) => row.index === selected) ?? null;

  function select(index: number | null) {
    selected = index;
    renderRows();
    const row = current();
    const position = visible.findIndex((r) => r.index === selected);
    elements.status.textContent = row ? `Packet ${position + 1} of ${visible.length}: ${row.summary}, at ${formatVirtualTime(row.at)}.` : '';
    elements.body.querySelector<HTMLElement>('tr[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
    onSelect(row);
  }

  const step = (direction: 'next' | 'previous' | 'first' | 'last') => select(stepSelection(visible, selected, direction));

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
    flow = elements.filter.value;
    // Keep the current packet if it is on the chosen connection; otherwise nothing is current.
    if (selected !== null && !filterRows(rows, flow).some((row) => row.index === selected)) select(null);
    else renderRows();
  };

  elements.region.addEventListener('keydown', onKey);
  elements.previous.addEventListener('click', onPrevious);
  elements.next.addEventListener('click', onNext);
  elements.filter.addEventListener('change', onFilter);
  renderFilter();
  renderRows();

  return {
    update(trace) {
      rows = packetRows(trace);
      if (selected !== null && !rows.some((row) => row.index === selected)) {
        select(null);
      }
      renderFilter();
      renderRows();
    },
    get current() {
      return current();
    },
    select,
    dispose() {
      elements.region.removeEventListener('keydown', onKey);
      elements.previous.removeEventListener('click', onPrevious);
      elements.next.removeEventListener('click', onNext);
      elements.filter.removeEventListener('change', onFilter);
    },
  };
}

const ARROWS = { right: '──▶', left: '◀──' } as const;

function rowElement(row: PacketRow, number: number, current: boolean, select: (index: number) => void): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.dataset.index = String(row.index);
  tr.dataset.packet = row.name;
  tr.className = `np-packet-row np-name-${row.name}${row.dropped ? ' is-dropped' : ''}`;
  if (current) tr.setAttribute('aria-current', 'true');

  const numberCell = document.createElement('td');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'np-row-button';
  button.textContent = String(number);
  button.setAttribute('aria-label', `Show packet ${number}: ${row.label}`);
  button.addEventListener('click', () => select(row.index));
  numberCell.append(button);

  const cells: [string, string][] = [
    [formatVirtualTime(row.at), 'np-time'],
    [row.flow.left, 'np-end'],
    [ARROWS[row.direction], `np-arrow np-arrow-${row.direction}`],
    [row.flow.right, 'np-end'],
    [row.tcpdumpFlags ? `${row.label} ${row.tcpdumpFlags}` : row.label, 'np-label'],
    [[row.detail, row.preview ? `“${row.preview}”` : ''].filter(Boolean).join(' ') + (row.dropped ? ' (dropped)' : ''), 'np-detail'],
  ];
  tr.append(numberCell);
  for (const [text, className] of cells) {
    const td = document.createElement('td');
    td.className = className;
    if (className.startsWith('np-arrow')) {
      // The arrow is drawn; a screen reader hears which way the packet went.
      const arrow = document.createElement('span');
      arrow.setAttribute('aria-hidden', 'true');
      arrow.textContent = text;
      const words = document.createElement('span');
      words.className = 'sr-only';
      words.textContent = row.direction === 'right' ? 'sends to' : 'receives from';
      td.append(arrow, words);
    } else {
      td.textContent = text;
    }
    tr.append(td);
  }
  return tr;
}
