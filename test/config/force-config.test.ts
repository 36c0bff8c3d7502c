import { mkdtemp, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseForceConfig } from '../../functions/core/config/force-config.js';
import { loadForceConfig } from '../../infra/forces/load-force-config.js';
import { configProblems, minimalConfig as valid } from '../support/config-problems.js';


describe('force config', () => {
  it('fills in the defaults of the design', () => {
    const config = parseForceConfig(valid, 'test.json');
    expect(config).toMatchObject({
      staleAfterDays: 28,
      remindEveryDays: 7,
      escalateAfterReminders: 2,
      timeZone: 'Europe/London',
      schedules: { reminders: '0 9 * * 1-5', boardSummary: '30 7 1-7 * *' },
      board: [],
      attachBoardPack: false,
    });
    expect(config.bankHolidays).toContain('2026-12-28');
  });

  it('refuses a zone Intl knows by another spelling, and says how to write it', () => {
    for (const [zone, canonical] of [['europe/london', 'Europe/London'], ['GB', 'Europe/London'], ['Europe/Belfast', 'Europe/London']]) {
      expect(configProblems({ ...valid, timeZone: zone })).toEqual([`timeZone: must be spelt as the IANA time zone database spells it: write "${canonical}"`]);
    }
  });

  it('takes any time zone Intl knows, London included', () => {
    for (const zone of ['Europe/London', 'Europe/Dublin', 'America/New_York', 'UTC']) expect(parseForceConfig({ ...valid, timeZone: zone }, 'test.json').timeZone).toBe(zone);
  });

  it.each([
    ['id', { id: 'North Shire' }, /^id: must be 2 to 31 lower-case letters/],
    ['name', { name: '' }, /^name: must be the force name/],
    ['baseUrl scheme', { baseUrl: 'javascript:alert(1)' }, /^baseUrl: must be the address people open/],
    ['baseUrl query', { baseUrl: 'https://a.example/?x=1' }, /^baseUrl: must not contain a query/],
    ['sender', { sender: 'not-an-address' }, /^sender: must be an email address .*"not-an-address"/],
    ['admins empty', { admins: [] }, /^admins: must list at least one admin/],
    ['admins entry', { admins: ['ok@a.example', 'bad'] }, /^admins\[1\]: must be an email address/],
    ['board entry', { board: ['x'] }, /^board\[0\]: must be an email address/],
    ['staleAfterDays', { staleAfterDays: 0 }, /^staleAfterDays: must be from 1 to 365 days/],
    ['remindEveryDays', { remindEveryDays: 2.5 }, /^remindEveryDays: must be a whole number of days/],
    ['escalateAfterReminders', { escalateAfterReminders: 'two' }, /^escalateAfterReminders: must be a number of reminders/],
    ['linkExpiryDays', { linkExpiryDays: 400 }, /^linkExpiryDays: must be from 1 to 90 days/],
    ['reminders cron fields', { schedules: { reminders: '0 9 * *' } }, /^schedules\.reminders: must be a cron expression with five fields \(minute, hour, day of month, month, day of week\), like "0 9 \* \* 1-5"$/],
    ['board summary cron in AWS form', { schedules: { boardSummary: '0 30 7 1-7 * ?' } }, /^schedules\.boardSummary: must be a cron expression with five fields .*, like "30 7 1-7 \* \*"$/],
    ['boardSummary cron minute', { schedules: { boardSummary: '99 7 1-7 * *' } }, /^schedules\.boardSummary: the minute field \("99"\) cannot be read: use numbers from 0 to 59/],
    ['reminders cron weekday', { schedules: { reminders: '0 9 * * MON-FUN' } }, /^schedules\.reminders: the day of week field \("MON-FUN"\) cannot be read/],
    ['reminders cron backwards range', { schedules: { reminders: '0 17-9 * * *' } }, /^schedules\.reminders: the hour field \("17-9"\) cannot be read/],
    ['cron with both day fields', { schedules: { boardSummary: '30 7 1-7 * 1-5' } }, /^schedules\.boardSummary: restricts both the day of month and the day of week/],
    ['timeZone', { timeZone: 'Europe/Atlantis' }, /^timeZone: must be an IANA time zone/],
    ['bankHolidays', { bankHolidays: ['25/12/2026'] }, /^bankHolidays\[0\]: must be a date written YYYY-MM-DD/],
    ['bank holiday that is no date', { bankHolidays: ['2026-12-25', '2026-12-52'] }, /^bankHolidays\[1\]: "2026-12-52" is not a date in the calendar; check the month and day/],
    ['bank holiday on 30 February', { bankHolidays: ['2026-02-30'] }, /^bankHolidays\[0\]: "2026-02-30" is not a date in the calendar/],
    ['bank holidays with a mistyped year', { bankHolidays: ['2026-12-25', '2027-12-27', '2208-12-25'] }, /^bankHolidays: lists days in 2027 and 2208 but none in 2028 to 2207: check for a mistyped year \(such as 2208 for 2028\)/],
    ['bank holidays that skip a year', { bankHolidays: ['2026-12-25', '2028-12-25'] }, /^bankHolidays: lists days in 2026 and 2028 but none in 2027:/],
    ['bank holiday on 29 February of a year with none', { bankHolidays: ['2027-02-29', '2028-02-29'] }, /^bankHolidays\[0\]: "2027-02-29" is not a date in the calendar/],
    ['time zone abbreviation', { timeZone: 'BST' }, /^timeZone: must be an IANA time zone such as "Europe\/London" \(not an abbreviation like "BST" or "GMT"\)$/],
    ['time zone GMT', { timeZone: 'GMT' }, /^timeZone: must be an IANA time zone such as "Europe\/London" \(not an abbreviation like "BST" or "GMT"\)$/],
    ['time zone in lower case', { timeZone: 'europe/london' }, /^timeZone: must be spelt as the IANA time zone database spells it: write "Europe\/London"$/],
    ['unknown field', { staleAfterDay: 28 }, /^staleAfterDay: is not a known field; check its spelling/],
  ])('names a bad %s and says what to write', (_, change, message) => {
    const problems = configProblems({ ...valid, ...change });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('accepts the cron forms both schedulers run alike: names, ranges, lists and steps', () => {
    const schedules = { reminders: '*/15 8-17 * JAN-DEC mon-fri', boardSummary: '0,30 7 1,2,3-7 JAN-DEC *' };
    expect(parseForceConfig({ ...valid, schedules }, 'test.json').schedules).toEqual(schedules);
  });

  describe('the board-summary schedule, whose job acts on the first working day of the month only', () => {
    it.each(['30 7 1-7 * *', '0 8 1-10 * *', '0 6 * * *', '0 6 * * 0-7', '15 7 1-3,4,5-7 1-12 *', '0 7 1/1 * *', '0 7 * * SUN-SAT'])(
      'accepts "%s", which runs on each of days 1 to 7 of every month',
      (boardSummary) => {
        expect(parseForceConfig({ ...valid, schedules: { boardSummary } }, 'test.json').schedules.boardSummary).toBe(boardSummary);
      },
    );

    it.each([
      ['the 1st only, skipping a month that starts on a weekend or bank holiday', '0 8 1 * *', '0 8'],
      ['weekdays only', '45 6 * * 1-5', '45 6'],
      ['days 1 to 5 only', '30 7 1-5 * *', '30 7'],
      ['every other day', '30 7 */2 * *', '30 7'],
      ['some months only', '30 7 1-7 1,4,7,10 *', '30 7'],
    ])('refuses %s and says what to write, keeping the time', (_, boardSummary, time) => {
      expect(configProblems({ ...valid, schedules: { boardSummary } })).toEqual([
        `schedules.boardSummary: must run on every day from the 1st to the 7th of every month, whatever the weekday: the summary goes out on the month's first working day, which can be any of them, and the runs on other days do nothing. Write "${time} 1-7 * *" (the default is "30 7 1-7 * *")`,
      ]);
    });

    it('gives the reminder schedule no such rule', () => {
      expect(parseForceConfig({ ...valid, schedules: { reminders: '0 9 1 * *' } }, 'test.json').schedules.reminders).toBe('0 9 1 * *');
    });
  });

  describe('the reminder schedule, whose job does nothing on weekends and bank holidays', () => {
    it.each(['0 9 * * 1-5', '0 9 * * 1', '0 9 * * 5-7', '0 9 1 * *', '*/30 8-17 * * *', '0 9 * * SAT,MON'])('accepts "%s", which runs on a weekday', (reminders) => {
      expect(parseForceConfig({ ...valid, schedules: { reminders } }, 'test.json').schedules.reminders).toBe(reminders);
    });

    it.each(['0 9 30 2 *', '0 9 31 4,6,9,11 *'])('refuses "%s", a day no month has, and says what to write', (reminders) => {
      expect(configProblems({ ...valid, schedules: { reminders } })).toEqual([
        'schedules.reminders: never runs: no month has the days it names, so nobody would ever be reminded. Write weekdays, like "0 9 * * 1-5" (the default)',
      ]);
    });

    it.each(['0 9 * * 6', '0 9 * * 0,6', '0 9 * * 6-7', '0 9 * * SAT,SUN'])('refuses "%s", which would never remind anyone, and says what to write', (reminders) => {
      expect(configProblems({ ...valid, schedules: { reminders } })).toEqual([
        'schedules.reminders: runs on weekends only, when the reminder job does nothing (it skips weekends and bank holidays), so nobody would ever be reminded. Write weekdays, like "0 9 * * 1-5" (the default)',
      ]);
    });
  });

  it('reports every bad field at once, one line each', () => {
    const problems = configProblems({ ...valid, sender: 'x', staleAfterDays: -1, timeZone: 'Nowhere' });
    expect(problems.map((p) => p.split(':')[0])).toEqual(['sender', 'staleAfterDays', 'timeZone']);
  });

  it('says in English what a field without its own message should be', () => {
    // zod's small build has no messages of its own: functions/core/zod.ts sets the English ones.
    expect(configProblems({ ...valid, schedules: 'daily', board: [7] })).toEqual([
      'board[0]: must be an email address like name@force.police.uk (got 7)',
      'schedules: Invalid input: expected object, received string',
    ]);
  });

  it('shows how to write a list of addresses when one is written alone, or several in one string', () => {
    expect(configProblems({ ...valid, admins: 'admin@northshire.example', board: 'chief@northshire.example; pcc@northshire.example' })).toEqual([
      'admins: must be a list of email addresses in square brackets, like ["admin@northshire.example"]',
      'board: must be a list of email addresses in square brackets, like ["chief@northshire.example","pcc@northshire.example"]',
    ]);
  });

  it('says a number written in quotes must be written without them', () => {
    expect(configProblems({ ...valid, staleAfterDays: '28', remindEveryDays: 'weekly' })).toEqual([
      'staleAfterDays: must be written without quotes, like 28',
      'remindEveryDays: must be a number of days from 1 to 90',
    ]);
  });
  it('names the field of an address without https://, and says a missing field is missing', () => {
    const { sender: _, ...withoutSender } = valid;
    expect(configProblems({ ...withoutSender, baseUrl: 'actions.northshire.police.uk' })).toEqual([
      'baseUrl: must be the address people open, like https://actions.northshire.police.uk',
      'sender: is missing: add an email address like name@force.police.uk',
    ]);
    const { admins: __, ...withoutAdmins } = valid;
    expect(configProblems(withoutAdmins)).toEqual(['admins: is missing']);
  });
});

describe('loading a force config file', () => {
  it('loads the demo force', async () => {
    const config = await loadForceConfig('demo');
    expect(config.id).toBe('demo');
    expect(config.admins.length).toBeGreaterThan(0);
  });

  it('says how to create a missing config', async () => {
    await expect(loadForceConfig('no-such-force')).rejects.toThrow(/create infra\/forces\/no-such-force\.json/);
  });

  it('refuses a force id that is not a file name', async () => {
    await expect(loadForceConfig('../etc/passwd')).rejects.toThrow(/not a valid force id/);
  });

  it('reports bad JSON, a bad field and a mismatched id with the file name', async () => {
    const dir = await mkdtemp('/tmp/forces-');
    await writeFile(`${dir}/broken.json`, '{"id": "broken",');
    await expect(loadForceConfig('broken', dir)).rejects.toThrow(/infra\/forces\/broken\.json is not valid JSON/);
    // The usual two slips named, on the line an editor shows them.
    await writeFile(`${dir}/comma.json`, '{\n  "id": "comma",\n  "name": "Northshire Police",\n}\n');
    await expect(loadForceConfig('comma', dir)).rejects.toThrow(/comma\.json is not valid JSON: line 3 has a comma after the last item before "}", which JSON does not allow: delete that comma$/);
    await writeFile(`${dir}/list.json`, '{\n  "admins": ["a@b.example",\n  ]\n}\n');
    await expect(loadForceConfig('list', dir)).rejects.toThrow(/list\.json is not valid JSON: line 2 has a comma after the last item before "]"/);
    await writeFile(`${dir}/remark.json`, '{\n  "id": "remark",\n  // chase after four weeks\n  "staleAfterDays": 28\n}\n');
    await expect(loadForceConfig('remark', dir)).rejects.toThrow(/remark\.json is not valid JSON: line 3 holds a comment \(\/\/\), which JSON files cannot: delete it$/);
    // Anything else: JSON's own words, by line and column, even with a // in a URL or a comma later on.
    await writeFile(`${dir}/quote.json`, "{\n  'id': 'quote'\n}\n");
    await expect(loadForceConfig('quote', dir)).rejects.toThrow(/quote\.json is not valid JSON: .* at line 2, column 3$/);
    await writeFile(`${dir}/unquoted.json`, '{\n  "id": "unquoted",\n  "baseUrl": https://actions.example,\n  "admins": ["a@b.example",]\n}\n');
    await expect(loadForceConfig('unquoted', dir)).rejects.toThrow(/unquoted\.json is not valid JSON: Unexpected token 'h'/);
    await writeFile(`${dir}/lax.json`, JSON.stringify({ ...valid, id: 'lax', staleAfterDays: 1000 }));
    await expect(loadForceConfig('lax', dir)).rejects.toThrow(/lax\.json is not valid:\n - staleAfterDays: must be from 1 to 365 days/);
    await writeFile(`${dir}/other.json`, JSON.stringify(valid));
    await expect(loadForceConfig('other', dir)).rejects.toThrow(/id: must be "other", the name of its file/);
  });
});
