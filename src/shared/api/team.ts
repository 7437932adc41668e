import { z } from 'zod';
import { Role } from '../roles';
import { TEXT_LIMITS } from '../textLimits';
import {
  AssignRequest,
  AssignResponse,
  DeviceView,
  IssueCodeRequest,
  IssueCodeResponse,
  TeamAgent,
} from '../team/protocol';
import { TeamStatus } from '../team/status';
import type { Area } from './contract';
import { Empty } from './fields';

export const TeamConnectInput = z
  .object({
    serverUrl: z
      .string()
      .trim()
      .min(1, { message: 'team_url_required' })
      .max(TEXT_LIMITS.url, { message: 'too_long' }),
    /** The one-time code, as the admin reads it (spaces and dashes allowed). */
    code: z
      .string()
      .trim()
      .min(1, { message: 'team_code_required' })
      .max(40, { message: 'too_long' }),
  })
  .strict();

/**
 * The link to a team server. This install's session decides who may ask; the server decides
 * again on every request from its own record of this device.
 */
export const teamArea = {
  methods: {
    'team.status': { input: Empty, output: TeamStatus, role: 'agent', mask: 'phones' },
    'team.connect': { input: TeamConnectInput, output: TeamStatus, role: 'admin', mask: 'phones' },
    'team.disconnect': { input: Empty, output: TeamStatus, role: 'admin', mask: 'phones' },
    'team.syncNow': { input: Empty, output: TeamStatus, role: 'agent', mask: 'phones' },
    /** The refusals shown have been read. */
    'team.ackRefusals': { input: Empty, output: TeamStatus, role: 'agent', mask: 'phones' },
    'team.agents': { input: Empty, output: z.array(TeamAgent), role: 'supervisor', mask: 'phones' },
    'team.issueCode': {
      input: IssueCodeRequest,
      output: IssueCodeResponse,
      role: 'supervisor',
      mask: 'phones',
    },
    'team.setAgent': {
      input: z.object({ id: z.string().min(1).max(64), role: Role, active: z.boolean() }).strict(),
      output: TeamAgent,
      role: 'admin',
      mask: 'phones',
    },
    'team.assign': {
      input: AssignRequest,
      output: AssignResponse,
      role: 'supervisor',
      mask: 'phones',
    },
    'team.devices': { input: Empty, output: z.array(DeviceView), role: 'admin', mask: 'phones' },
    'team.revokeDevice': {
      input: z.object({ deviceId: z.string().uuid() }).strict(),
      output: z.object({}),
      role: 'admin',
      mask: 'phones',
    },
  },
  events: {
    'team.status': { payload: TeamStatus, mask: 'phones' },
  },
} as const satisfies Area;
