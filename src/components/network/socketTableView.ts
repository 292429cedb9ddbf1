/**
 * The diagram's text alternative: the socket table as an HTML table. A run can hold thousands of sockets at
 * once: the table shows the first SOCKET_ROWS_SHOWN (ordered as ss orders them) and says how many more
 * there are, and where to see them all (ss in the terminal).
 */
import type { SocketRow } from '../../lib/netsim/types';
import { SOCKET_TABLE_COLUMNS, socketTableRows } from '../../lib/views/socketTable';
import { patchChildren } from './patchChildren';

export const SOCKET_ROWS_SHOWN = 200;

function messageRow(text: string): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.setAttribute('role', 'row');
  const td = document.createElement('td');
  td.setAttribute('role', 'cell');
  td.colSpan = 6;
  td.className = 'np-empty';
  td.textContent = text;
  tr.append(td);
  return tr;
}

export function renderSocketTable(body: HTMLTableSectionElement, sockets: readonly SocketRow[], highlighted: ReadonlySet<number> = new Set()): void {
  const rows = socketTableRows(sockets);
  if (rows.length === 0) {
    show(body, [messageRow('No sockets yet. Run the program to see them.')]);
    return;
  }
  const shown = rows.slice(0, SOCKET_ROWS_SHOWN).map((row) => {
    const tr = document.createElement('tr');
    tr.setAttribute('role', 'row');
    tr.dataset.socket = String(row.socketId);
    if (highlighted.has(row.socketId)) tr.classList.add('is-highlighted');
    [row.host, row.netid, row.state, row.local, row.peer, row.process].forEach((text, i) => {
      const td = document.createElement('td');
      td.setAttribute('role', 'cell');
      // A phone shows each row as a small card: every value says which column it is.
      td.dataset.label = SOCKET_TABLE_COLUMNS[i]!;
      td.textContent = text;
      tr.append(td);
    });
    return tr;
  });
  const more = rows.length - shown.length;
  if (more > 0) {
    shown.push(messageRow(`… and ${more.toLocaleString('en-US')} more sockets, not shown here to keep the page quick: ss -tuanp in the terminal lists them all.`));
  }
  show(body, shown);
}

/** Only the rows that differ from those on screen are swapped in (a run redraws the table often). */
function show(body: HTMLTableSectionElement, rows: readonly HTMLTableRowElement[]): void {
  const drawn = document.createElement('tbody');
  drawn.append(...rows);
  patchChildren(body, drawn);
}
