import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../functions/core/import/apply-import.js';
import { formatImportReport } from '../../functions/core/import/format-import-report.js';
import type { PlanSummary } from '../../functions/core/import/import-plan.js';

const counts = { created: 0, updated: 1, unchanged: 0 };
const report = (over: Partial<ImportReport>): ImportReport => ({ outcome: 'blocked', errors: 0, warnings: 1, people: counts, actions: counts, changedActions: [], names: {}, namesHeld: [], problems: [], ...over });
const plan: PlanSummary = { rows: 1, actions: 1, sectionRows: 0, skippedRows: 0, areas: ['Leadership'], noArea: 0, kinds: { recommendation: 0, afi: 0, 'cause-of-concern': 1 }, unmatchedNames: [], absent: [], unread: [], unknown: [] };

describe('the import report as the CLI prints it', () => {
  it('counts in words that agree with the number, and names changed fields as the console does, owners and SRO before and after', () => {
    const changes = [
      { field: 'ownerIds', from: ['leila'], to: ['fiona', 'callum'] },
      { field: 'sroId', from: null, to: 'simon' },
      { field: 'plan', from: 'Review it.', to: 'Review it again.' },
    ];
    const names = { leila: 'Leila Osei', fiona: 'Fiona Strand', callum: 'Callum Reid', simon: 'DCC Simon Ashworth' };
    const lines = formatImportReport({ ...report({ changedActions: [{ id: '7', ref: '7', changes }], names }), plan }).split('\n');
    expect(lines[0]).toBe('Read 1 action (0 recommendations, 0 areas for improvement, 1 cause of concern) in 1 area: Leadership');
    expect(lines).toContain('  7: Owners: Leila Osei → Fiona Strand, Callum Reid; Senior responsible officer: nobody → DCC Simon Ashworth; Plan');
    expect(lines.at(-1)).toBe('Nothing was written: the file has 1 warning. Fix it in the file, or accept it to import the plan as it is.');
    expect(formatImportReport(report({ errors: 2 })).split('\n').at(-1)).toBe('Nothing was written: fix the 2 errors in the file and import it again.');
  });
});
