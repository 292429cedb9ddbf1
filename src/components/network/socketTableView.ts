/** The diagram's text alternative: the socket table as an HTML table. */
import type { SocketRow } from '../../lib/netsim/types';
import { SOCKET_TABLE_COLUMNS, socketTableRows } from '../../lib/views/socketTable';

export function renderSocketTable(body: HTMLTableSectionElement, sockets: readonly SocketRow[], highlighted: ReadonlySet<number> = new Set()): void {
  const rows = socketTableRows(sockets);
  if (rows.length === 0) {
    const tr = document.createElement('tr');
    tr.setAttribute('role', 'row');
    const td = document.createElement('td');
    td.setAttribute('role', 'cell');
    td.colSpan = 6;
    td.className = 'np-empty';
    td.textContent = 'No sockets yet. Run the program to see them.';
    tr.append(td);
    body.replaceChildren(tr);
    return;
  }
  body.replaceChildren(
    ...rows.map((row) => {
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
    }),
  );
}
