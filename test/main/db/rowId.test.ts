import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newRowId } from '../../../src/main/core/db/rowId';

describe('row ids (UUID version 7)', () => {
  it('are RFC 9562 version 7 UUIDs that the contract accepts', () => {
    const id = newRowId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(z.uuid().safeParse(id).success).toBe(true);
  });

  it('begin with the time in ms, so later rows sort after earlier ones', () => {
    const at = Date.UTC(2026, 10, 23, 9, 30);
    expect(newRowId(at).replace(/-/g, '').slice(0, 12)).toBe(at.toString(16).padStart(12, '0'));
    const ids = [at, at + 1, at + 1000, at + 86_400_000].map((ms) => newRowId(ms));
    expect([...ids].sort()).toEqual(ids);
  });

  it('do not repeat within one millisecond', () => {
    const at = Date.now();
    const ids = new Set(Array.from({ length: 10_000 }, () => newRowId(at)));
    expect(ids.size).toBe(10_000);
  });
});
