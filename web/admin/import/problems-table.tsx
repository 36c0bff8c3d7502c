import type { ImportProblem } from '../../../functions/core/import/cells.js';
import { sentence } from './read-upload.js';
import { ColumnHeads } from '../../views/column-heads.js';

/** "row 22 (action 232)": a sheet sorted since it was read still has the ref to find the row by. */
function rowOf({ row, ref }: ImportProblem): string | null {
  if (row === 0) return ref ? `action ${ref}` : null;
  return ref ? `row ${row} (action ${ref})` : `row ${row}`;
}

/** Every problem the importer found, errors first, each with where it is and what to do. */
export function ProblemsTable({ problems }: { problems: ImportProblem[] }) {
  const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <table class="problems-table">
      <caption class="visually-hidden">Problems found in the files</caption>
      <ColumnHeads names={['Severity', 'Where', 'Problem and what to do']} />
      <tbody>
        {sorted.map((p) => (
          <tr>
            <td data-label="Severity">
              <strong class={p.severity === 'error' ? 'tag tag-error' : 'tag tag-warning'}>{p.severity === 'error' ? 'Error' : 'Warning'}</strong>
            </td>
            <td data-label="Where">{[p.file === 'people' ? 'People file' : 'Plan', rowOf(p), p.column ? `column "${p.column.replace(/\s+/g, ' ')}"` : null].filter(Boolean).join(', ')}</td>
            <td class="prose" data-label="Problem and what to do">{sentence(p.message)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
