import { describe, expect, it } from 'vitest';
import { api } from '../../src/shared/api';
import { isMethodListed, requiredRole } from '../../src/shared/api/methodRoles';
import { pinDelaySeconds, MAX_PIN_DELAY_SECONDS } from '../../src/shared/pinLockout';
import { roleAllows } from '../../src/shared/roles';

describe('the role map', () => {
  it('lists every contract method (a new method must say who may call it)', () => {
    const unlisted = Object.keys(api).filter((m) => !isMethodListed(m));
    expect(unlisted).toEqual([]);
  });

  it('keeps set-up for admins and reports for supervisors', () => {
    for (const m of [
      'sipAccounts.save',
      'sipAccounts.delete',
      'statuses.add',
      'statuses.update',
      'products.save',
      'auth.setRole',
      'auth.setMasking',
    ]) {
      expect(requiredRole(m)).toBe('admin');
    }
    expect(requiredRole('reports.daily')).toBe('supervisor');
    expect(requiredRole('leads.list')).toBe('agent');
    expect(requiredRole('dispositions.save')).toBe('agent');
  });

  it('needs admin for calling hours but not for the language', () => {
    expect(requiredRole('settings.update', { language: 'en' })).toBe('agent');
    expect(requiredRole('settings.update', { callingWindow: {} })).toBe('admin');
    expect(requiredRole('settings.update', { timeZone: 'UTC' })).toBe('admin');
  });

  it('fails closed: a method nobody listed needs admin', () => {
    expect(requiredRole('something.new')).toBe('admin');
  });

  it('ranks roles', () => {
    expect(roleAllows('admin', 'supervisor')).toBe(true);
    expect(roleAllows('supervisor', 'agent')).toBe(true);
    expect(roleAllows('agent', 'supervisor')).toBe(false);
    expect(roleAllows('supervisor', 'admin')).toBe(false);
  });
});

describe('the wrong-PIN delay', () => {
  it('forgives three, then doubles from 1 s up to a cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(pinDelaySeconds)).toEqual([0, 0, 0, 1, 2, 4, 8]);
    expect(pinDelaySeconds(50)).toBe(MAX_PIN_DELAY_SECONDS);
    expect(pinDelaySeconds(1000)).toBe(MAX_PIN_DELAY_SECONDS);
  });
});
