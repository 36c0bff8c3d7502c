import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, localMonth } from '../../functions/core/board-summary/month.js';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack.js';

const run = promisify(execFile);
let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({ memory: true, ports: { app: 0, mail: 0, dynamo: 0 }, schedules: false, log: () => undefined });
});
afterAll(() => stack?.stop());

function boardSummary(args: string[]) {
  const env = { ...process.env, PORT: new URL(stack.appUrl).port, DYNAMO_PORT: new URL(stack.dynamoEndpoint).port, MAIL_PORT: new URL(stack.mailUrl).port };
  return run('npx', ['tsx', 'infra/local/cli/board-summary.ts', ...args], { env }).catch((error: { stdout: string; stderr: string; code: number }) => error);
}

async function sentTo(): Promise<string[][]> {
  const { emails } = (await (await fetch(`${stack.mailUrl}/store`)).json()) as { emails: { destination: { to: string[] } }[] };
  return emails.map((e) => e.destination.to);
}

describe('npm run board-summary on the running local stack', () => {
  const thisMonth = localMonth(new Date(), 'Europe/London');

  it("the README's month, 2026-10, has the whole demo plan in its pack (the demo is loaded as of that month's end)", async () => {
    const out = await mkdtemp(join(tmpdir(), 'board-summary-'));
    await boardSummary(['--month', '2026-10', '--dry-run', '--out', out]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, 'board-pack-2026-10.xlsx'));
    expect(workbook.getWorksheet('Action plan')?.actualRowCount).toBe((await stack.deps.repository.listActions()).length + 1);
    // Its first summary: last month had no plan to compare with, so nothing is called new.
    const html = await readFile(join(out, 'summary-2026-10.html'), 'utf8');
    expect(html).toContain('This is the first summary since the plan was loaded on 30 October 2026, so changes are reported from next month.');
    expect(html).not.toContain('New actions');
  });

  it('--dry-run --out writes the email and the pack for the demo plan, keeps and sends nothing', async () => {
    const out = await mkdtemp(join(tmpdir(), 'board-summary-'));
    const { stdout } = await boardSummary(['--month', thisMonth, '--dry-run', '--out', out]);
    expect(stdout).toContain('Dry run for');
    expect(stdout).toMatch(/^\d+ actions in the plan as at /);
    expect((await readdir(out)).sort()).toEqual([`board-pack-${thisMonth}.xlsx`, `summary-${thisMonth}.html`]);

    const actions = await stack.deps.repository.listActions();
    const html = await readFile(join(out, `summary-${thisMonth}.html`), 'utf8');
    expect(html).toContain(`/admin/summaries/${thisMonth}`);
    for (const action of actions) expect(html).not.toContain(action.text.slice(0, 40));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, `board-pack-${thisMonth}.xlsx`));
    expect(workbook.getWorksheet('Action plan')?.actualRowCount).toBe(actions.length + 1);
    expect(await stack.deps.summaries.listSummaries()).toEqual([]);
    expect(await sentTo()).toEqual([]);
  }, 60_000);

  it('stops at an --out folder it cannot write to, before keeping or sending anything', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'board-summary-')), 'a-file');
    await writeFile(file, '');
    const result = await boardSummary(['--month', addMonths(thisMonth, -1), '--out', join(file, 'pack')]);
    expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining('part of the path is a file, not a folder. Nothing was kept or sent.') });
    expect(await stack.deps.summaries.getSnapshot(addMonths(thisMonth, -1))).toBeNull();
  }, 60_000);

  it('sends last month to each board member once, however often it is run', async () => {
    const lastMonth = addMonths(thisMonth, -1);
    const first = await boardSummary(['--month', lastMonth]);
    expect(first.stdout).toMatch(/ summary: sent to 2, already sent to 0\./);
    const second = await boardSummary(['--month', lastMonth]);
    expect(second.stdout).toMatch(/ summary: sent to 0, already sent to 2\./);
    expect((await sentTo()).sort()).toEqual(stack.deps.config.board.map((r) => [r]).sort());
  }, 60_000);

  it('refuses a month that is not a month', async () => {
    const result = await boardSummary(['--month', '2026-13']);
    expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining('--month "2026-13" is not a month: write it like 2026-10, "October 2026" or Oct-26.') });
  }, 60_000);

  it('says what it does and what each option is for, when asked for help', async () => {
    const { stdout } = await boardSummary(['--help']);
    expect(stdout).toContain('Usage: npm run board-summary -- [--month MONTH] [--dry-run] [--out FOLDER]');
    expect(stdout).toContain('--dry-run       compile only: keep nothing and email nobody');
  }, 60_000);

});
