import { z } from 'zod';

/** Who sits at the app: an agent works the queue, a supervisor reads everybody's numbers, an admin sets it up. */
export const roles = ['agent', 'supervisor', 'admin'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

const rank: Record<Role, number> = { agent: 0, supervisor: 1, admin: 2 };

/** Admin may do what a supervisor may, a supervisor what an agent may. */
export function roleAllows(have: Role, need: Role): boolean {
  return rank[have] >= rank[need];
}
