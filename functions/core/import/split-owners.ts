/**
 * Splits an owner cell into names: "A & B", "A and B", "A, B", "A; B", "A + B", "A / B" and one name
 * per line. A slash splits only with spaces around it, so ranks like "T/D/Ch/Supt" and "C/I" stay
 * whole, and nothing inside brackets is split ("DCS Bell (Head of Crime, Ops)").
 */
export function splitOwners(cell: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  const separator = /^(\s+&\s+|\s*&\s*|\s+and\s+|\s+\/\s+|\s*[,;+\n]\s*)/i;
  for (let i = 0; i < cell.length; i++) {
    const char = cell[i];
    if (char === '(' || char === '[') depth++;
    else if ((char === ')' || char === ']') && depth > 0) depth--;
    if (depth > 0) continue;
    const match = separator.exec(cell.slice(i));
    if (!match || (match[0].trim() === '' && char !== '\n')) continue;
    names.push(cell.slice(start, i));
    i += match[0].length - 1;
    start = i + 1;
  }
  names.push(cell.slice(start));
  return names.map((name) => name.replace(/\s+/g, ' ').trim()).filter((name) => name !== '');
}
