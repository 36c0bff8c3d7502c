import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../functions/core/import/cells.js';
import { buildXlsx } from '../../import/build-xlsx.js';
import { demoPeopleCsv, file, importHarness, uploadAndPreview } from './import-fixture.js';

const headings = ['Area', 'Ref Number', 'Area for Improvement/Cause of Concern/Recommendation', 'SRO/CO lead', 'Plan Owner', 'Timescale? set'];
const row = (ref: string, area = 'Efficiency', sro = 'ACC Blake', timescale = 'Mar-27'): Cell[] => [area, ref, `The force should improve ${ref}.`, sro, 'Supt Mercer', timescale];
const people = () => file(demoPeopleCsv, 'people.csv');

describe('the preview says what of the file it reads', () => {
  it('names the columns it does not read, and warns that a finished row is imported as open', async () => {
    const plan = await buildXlsx([
      {
        name: 'Plan',
        rows: [
          [...headings, 'Status', 'RAG'],
          [...row('S1', 'Efficiency', 'ACC Blake', 'Jun-26'), 'Closed', 'Green'],
          [...row('S2'), 'Open', 'Amber'],
          [...row('S3', 'Efficiency', 'ACC Blake', 'Complete'), '', ''],
        ],
      },
    ]);
    const { html } = await uploadAndPreview(importHarness(), { plan: file(plan, 'plan.xlsx'), people: people() });
    expect(html).toContain('Not read: the column &quot;RAG&quot;, whose heading the importer does not know.');
    expect(html).toContain('0 errors and 2 warnings');
    expect(html).toContain('Plan, row 2 (action S1), column &quot;Status&quot;</td><td class="prose" data-label="Problem and what to do">&quot;Closed&quot; says the action is finished');
    expect(html).toContain('Plan, row 4 (action S3), column &quot;Timescale? set&quot;</td><td class="prose" data-label="Problem and what to do">&quot;Complete&quot; says the action is finished');
    expect(html).toContain('it is imported as open');
    expect(html).not.toContain('Write the target as a month');
  });

  it('names the sheet it reads, and another sheet with the plan’s headings', async () => {
    const plan = await buildXlsx([
      { name: 'Closed 2024', rows: [headings, row('X1')] },
      { name: 'Current plan', rows: [headings, ...['Y1', 'Y2', 'Y3', 'Y4', 'Y5'].map((ref) => row(ref))] },
    ]);
    const { html } = await uploadAndPreview(importHarness(), { plan: file(plan, 'plan.xlsx'), people: people() });
    expect(html).toContain('The plan has 1 action: 1 recommendation, 0 areas for improvement and 0 causes of concern, in 1 area. It was read from the sheet “Closed 2024”, the first with the plan’s headings.');
    expect(html).toContain('The sheet &quot;Current plan&quot; also has the plan&#39;s headings, with 5 rows below them, and is not read');
    expect(html).toContain('If &quot;Current plan&quot; is the live plan, move it in front of &quot;Closed 2024&quot;');
  });

  it('counts the actions a CSV of merged Area and SRO cells leaves without an area, and warns of each', async () => {
    const csv = [headings, row('3.1', 'Leadership'), row('3.2', '', ''), row('3.3', '', '')].map((cells) => cells.join(',')).join('\r\n');
    const { html } = await uploadAndPreview(importHarness(), { plan: file(csv, 'plan.csv'), people: people() });
    expect(html).toContain('in 1 area; 2 actions with no area.');
    expect(html).not.toContain('It was read from the sheet');
    expect(html).toContain('0 errors and 4 warnings');
    expect(html).toContain('The SRO is blank, so nobody is escalated to when the action&#39;s owners go quiet.');
    expect(html).toContain('The area is blank, so the action is listed under no area.');
  });
});
