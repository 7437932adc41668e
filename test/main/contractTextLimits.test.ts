import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createDispatch } from '../../src/main/core/plumbing/dispatch';
import { silentLog } from '../../src/main/core/infra/log';
import { api, type Handlers } from '../../src/shared/api';

type Def = { type: string; [k: string]: unknown };
interface StringField {
  method: string;
  /** Where the string sits in the input; numbers are array positions. */
  path: (string | number)[];
  max: number | null;
  /** Its format alone bounds its length (a UUID, an anchored regex with no open repeat). */
  bounded: boolean;
}

function boundedByFormat(schema: z.ZodType): boolean {
  const s = schema as unknown as z.ZodString;
  if (s.format === 'uuid') return true;
  const checks = ((schema as unknown as { _zod: { def: Def } })._zod.def.checks ?? []) as {
    _zod: { def: { format?: string; pattern?: RegExp } };
  }[];
  const patterns = checks.flatMap((c) =>
    c._zod.def.format === 'regex' && c._zod.def.pattern ? [c._zod.def.pattern.source] : [],
  );
  return patterns.some((p) => p.startsWith('^') && p.endsWith('$') && !/[*+]|\{\d+,\}/.test(p));
}

/** Every string reachable from a schema (unions and record keys are left out: none is text). */
function strings(
  schema: z.ZodType,
  method: string,
  path: (string | number)[],
  out: StringField[],
): StringField[] {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  switch (def.type) {
    case 'string':
      out.push({
        method,
        path,
        max: (schema as unknown as z.ZodString).maxLength,
        bounded: boundedByFormat(schema),
      });
      break;
    case 'object':
      for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        strings(v, method, [...path, k], out);
      }
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      strings(def.innerType as z.ZodType, method, path, out);
      break;
    case 'pipe':
      strings(def.in as z.ZodType, method, path, out);
      break;
    case 'array':
      strings(def.element as z.ZodType, method, [...path, 0], out);
      break;
  }
  return out;
}

const fields = Object.entries(api).flatMap(([m, { input }]) =>
  strings(input as z.ZodType, m, [], []),
);

/** An input holding only `value` at `path`, arrays and objects made on the way. */
function inputWith(path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  return typeof head === 'number' ? [inputWith(rest, value)] : { [head!]: inputWith(rest, value) };
}

describe('free text in the contract', () => {
  it('every string any method accepts has a largest length', () => {
    const unbounded = fields
      .filter((f) => f.max === null && !f.bounded)
      .map((f) => `${f.method}.${f.path.join('.')}`);
    expect(unbounded).toEqual([]);
    expect(fields.filter((f) => f.max !== null).length).toBeGreaterThan(40);
  });

  it('one character over the limit is refused as too_long on that field, for every field', async () => {
    // Validation comes before any handler: none is needed.
    const dispatch = createDispatch({} as Handlers, silentLog);
    const wrong: string[] = [];
    for (const f of fields.filter((x) => x.max !== null)) {
      const r = await dispatch(f.method, inputWith(f.path, 'x'.repeat(f.max! + 1)));
      const path = f.path.join('.');
      const issue = !r.ok && r.error.code === 'invalid_input' ? r.error.fields : undefined;
      if (!issue?.some((i) => i.path === path && i.key === 'too_long')) {
        wrong.push(`${f.method} ${path}: ${JSON.stringify(issue?.filter((i) => i.path === path))}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses a 1.5 MB note on each method that takes one, naming the field', async () => {
    const dispatch = createDispatch({} as Handlers, silentLog);
    const pasted = 'Khách hỏi giá, hẹn gọi lại. '.repeat(54_000);
    const id = '00000000-0000-4000-8000-000000000000';
    const cases = [
      ['dispositions.save', { leadId: id, statusCode: 'new.not_reachable', note: pasted }, 'note'],
      ['leads.addNote', { id, text: pasted }, 'text'],
      ['leads.update', { id, note: pasted }, 'note'],
      ['leads.add', { name: 'A', phone: '0912345678', note: pasted }, 'note'],
    ] as const;
    for (const [method, input, path] of cases) {
      const r = await dispatch(method, input);
      expect(r, method).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', fields: [{ path, key: 'too_long' }] },
      });
    }
  });
});
