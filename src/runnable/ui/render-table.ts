/** A `table` message as an HTML table, in a scroller that takes the keyboard focus (phones). */
import type { TableMessage } from '../../nn';

export function renderTable(message: TableMessage): HTMLElement {
  const scroller = document.createElement('div');
  scroller.className = 'npn-run-table';
  scroller.tabIndex = 0;
  scroller.setAttribute('role', 'region');
  const table = document.createElement('table');
  const name =
    message.caption ??
    `Tableau ${message.rows.length}\u00a0×\u00a0${message.columns.length || message.rows[0]?.length || 0}`;
  scroller.setAttribute('aria-label', name);
  if (message.caption) table.createCaption().textContent = message.caption;
  if (message.columns.length > 0) {
    const row = table.createTHead().insertRow();
    for (const column of message.columns) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = column;
      row.append(th);
    }
  }
  const body = table.createTBody();
  for (const cells of message.rows) {
    const row = body.insertRow();
    for (const cell of cells) row.insertCell().textContent = cell;
  }
  scroller.append(table);
  return scroller;
}
