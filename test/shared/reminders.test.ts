import { describe, expect, it } from 'vitest';
import {
  dueReminders,
  MAX_TIMER_MS,
  nextFireAt,
  timerDelay,
  type ReminderTiming,
} from '../../src/shared/reminders';

const r = (
  id: string,
  dueAt: number,
  state: ReminderTiming['state'] = 'pending',
  firedAt: number | null = null,
) => ({
  id,
  dueAt,
  state,
  firedAt,
});

describe('reminder timing', () => {
  const rows = [
    r('a', 100),
    r('b', 50),
    r('c', 50, 'pending', 60),
    r('d', 10, 'done'),
    r('e', 300),
    r('f', 20, 'cancelled'),
  ];

  it('picks the pending, unfired reminders that are due, oldest first', () => {
    expect(dueReminders(rows, 100).map((x) => x.id)).toEqual(['b', 'a']);
    expect(dueReminders(rows, 49)).toEqual([]);
  });

  it('finds when to fire next; an overdue one fires now', () => {
    expect(nextFireAt(rows, 0)).toBe(50);
    expect(nextFireAt(rows, 120)).toBe(120);
    expect(nextFireAt([r('x', 5, 'done')], 0)).toBeNull();
  });

  it('clamps the timer to what a JavaScript timer can hold', () => {
    expect(timerDelay(1000, 400)).toBe(600);
    expect(timerDelay(100, 400)).toBe(0);
    expect(timerDelay(40 * 24 * 3_600_000, 0)).toBe(MAX_TIMER_MS);
  });
});
