/**
 * iproute2's column renderer as `ss` uses it when its output is not measured against a terminal width
 * ("compact output"): each column is as wide as its widest cell, a column's left delimiter is printed
 * before it, right-aligned columns are padded on the left, the others on the right.
 *
 * One quirk is kept on purpose, because real `ss` output shows it: the last cell of the last row is never
 * measured (ss renders before flushing it), so a `users:(…)` only on the last row does not widen the
 * Process column.
 */
export interface Column {
  header: string;
  align: 'left' | 'right';
  /** Printed before the cell, except in a line's first column. */
  delimiter: string;
}

export function renderColumns(columns: Column[], rows: string[][]): string {
  const lines = [columns.map((c) => c.header), ...rows];
  const widths = columns.map((_, col) => {
    let max = 0;
    lines.forEach((cells, line) => {
      const unmeasured = line === lines.length - 1 && col === columns.length - 1 && line > 0;
      if (!unmeasured) max = Math.max(max, (cells[col] ?? '').length);
    });
    return max;
  });
  return lines
    .map((cells) =>
      columns
        .map((column, col) => {
          const cell = cells[col] ?? '';
          const delimiter = col === 0 ? '' : column.delimiter;
          const pad = ' '.repeat(Math.max(widths[col]! - cell.length, 0));
          return delimiter + (column.align === 'right' ? pad + cell : cell + pad);
        })
        .join('') + '\n',
    )
    .join('');
}
