/** Groups rows by a key, mapping each row; batch loaders answer many parents from one query with it. */
export function groupBy<Row, T>(rows: Row[], keyOf: (row: Row) => string, map: (row: Row) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = out.get(key);
    if (list) list.push(map(row));
    else out.set(key, [map(row)]);
  }
  return out;
}
