import type { Role } from '../roles';
import { api, areas } from './index';

/*
 * The role a call needs, read from the method's entry in the contract; the core checks it
 * before any handler runs. Every entry must carry one (test/main/contractCoverage.test.ts and
 * the `Area` type), so a new method cannot slip through.
 */

const areaList = Object.values(areas) as { methods: object; role?: Role }[];

/** The area a method name belongs to: one with a method of the same first word. */
function areaOf(method: string): { role?: Role } | undefined {
  const word = method.split('.')[0];
  return areaList.find((area) => Object.keys(area.methods).some((m) => m.split('.')[0] === word));
}

/**
 * The role a call needs: its entry's (raised for some inputs by `roleFor`); a name with no
 * entry needs the role of its area when the area sets one, and admin otherwise (fail closed).
 */
export function requiredRole(method: string, input?: unknown): Role {
  if (Object.hasOwn(api, method)) {
    const entry = api[method as keyof typeof api] as {
      role: Role;
      roleFor?: (i: unknown) => Role | null;
    };
    return entry.roleFor?.(input) ?? entry.role;
  }
  return areaOf(method)?.role ?? 'admin';
}

/** True when a method's entry names a role (what the completeness tests check). */
export function isMethodListed(method: string): boolean {
  return (
    Object.hasOwn(api, method) &&
    typeof (api[method as keyof typeof api] as { role?: unknown }).role === 'string'
  );
}
