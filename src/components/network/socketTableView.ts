/** The diagram's text alternative: the socket table as an HTML table. */
import type { SocketRow } from '../../lib/netsim/types';
import { socketTableRows } from '../../lib/views/socketTable';

export function renderSocketTable(body: HTMLTableSectionElement, sockets: readonly SocketRow[], highlighted: ReadonlySet<number> = new Set()): void {
  const rows = socketTableRows(sockets);
  if (rows.length === 0) {
    const tr = document.createElement('tr');
    const td = document.createElement('td');
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
      tr.dataset.socket = String(row.socketId);
      if (highlighted.has(row.socketId)) tr.classList.add('is-highlighted');
      for (const text of [row.host, row.netid, row.state, row.local, row.peer, row.process]) {
        const td = document.createElement('td');
        td.textContent = text;
        tr.append(td);
      }
      return tr;
    }),
  );
}
