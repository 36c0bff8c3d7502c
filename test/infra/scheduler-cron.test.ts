import { describe, expect, it } from 'vitest';
import { toSchedulerCron } from '../../infra/constructs/scheduler-cron.js';

describe('five-field cron to EventBridge Scheduler cron', () => {
  it.each([
    ['0 9 * * 1-5', 'cron(0 9 ? * MON-FRI *)'],
    ['30 7 1-7 * *', 'cron(30 7 1-7 * ? *)'],
    ['*/15 8-18 * * *', 'cron(*/15 8-18 * * ? *)'],
    ['0 9 * * 0', 'cron(0 9 ? * SUN *)'],
    ['0 9 * * 7', 'cron(0 9 ? * SUN *)'],
    ['0 9 * * 5-7', 'cron(0 9 ? * SUN,FRI,SAT *)'],
    ['0 9 * * 1,3,5', 'cron(0 9 ? * MON,WED,FRI *)'],
    ['0 9 * * mon-fri', 'cron(0 9 ? * MON-FRI *)'],
    ['0 9 * * */2', 'cron(0 9 ? * SUN,TUE,THU,SAT *)'],
    ['0 9 * * 1#1', 'cron(0 9 ? * 2#1 *)'],
    ['0 9 L * *', 'cron(0 9 L * ? *)'],
  ])('%s → %s', (five, six) => {
    expect(toSchedulerCron(five, 'schedules.reminders')).toBe(six);
  });

  it('refuses days of the month and of the week together, naming the field', () => {
    expect(() => toSchedulerCron('30 7 1-7 * 1', 'schedules.boardSummary')).toThrow(/^schedules\.boardSummary: EventBridge Scheduler cannot run on both/);
  });

  it('names the field for a bad weekday', () => {
    expect(() => toSchedulerCron('0 9 * * 9', 'schedules.reminders')).toThrow(/^schedules\.reminders: "9" is not a day of the week/);
  });
});
