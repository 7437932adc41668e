import { afterAll, describe, expect, it } from 'vitest';
import { api, areas, events, type Mask } from '../../src/shared/api';
import { roles } from '../../src/shared/roles';
import { tempCore } from '../helpers/tempCore';

// The types already refuse an entry without a role or a masking rule and a handler table with a
// method missing; this checks the same at run time, on the core a transport really calls, so a
// cast or an `Object.assign` cannot hide a gap.
const masks: readonly Mask[] = ['text', 'phones', 'none'];

describe('every method of the contract', () => {
  const running = tempCore();
  afterAll(() => running.dispose());
  const methods = Object.keys(api) as (keyof typeof api)[];

  it('has a handler in the running core, and the core no handler outside the contract', () => {
    const handlers = running.core.handlers as Record<string, unknown>;
    expect(methods.filter((m) => typeof handlers[m] !== 'function')).toEqual([]);
    expect(Object.keys(handlers).filter((m) => !Object.hasOwn(api, m))).toEqual([]);
  });

  it('names the least role that may call it', () => {
    const entries = api as Record<string, { role?: unknown }>;
    expect(
      methods.filter((m) => !(roles as readonly unknown[]).includes(entries[m]!.role)),
    ).toEqual([]);
  });

  it('names what a masked connection sees of its answer', () => {
    const entries = api as Record<string, { mask?: unknown }>;
    expect(
      methods.filter((m) => !(masks as readonly unknown[]).includes(entries[m]!.mask)),
    ).toEqual([]);
  });

  it('belongs to exactly one area', () => {
    const owners = methods.map(
      (m) => Object.values(areas).filter((area) => Object.hasOwn(area.methods, m)).length,
    );
    expect(methods.filter((_, i) => owners[i] !== 1)).toEqual([]);
  });
});

describe('every event of the contract', () => {
  it('names what a masked connection sees of it', () => {
    const entries = events as Record<string, { mask?: unknown }>;
    expect(
      Object.keys(events).filter((e) => !(masks as readonly unknown[]).includes(entries[e]!.mask)),
    ).toEqual([]);
  });
});
