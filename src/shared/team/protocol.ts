import { z } from 'zod';
import { Role } from '../roles';
import { AgentCode, AgentName } from '../api/sync';
import { rowSchemas, SyncTable, syncTables, type Row } from '../sync/tables';
import { Stage } from '../domain';

/*
 * The team server's wire contract: what the desktop app (main) and the server (src/server)
 * say to each other over HTTP(S) and one WebSocket. Both sides validate every message with
 * these schemas; the server decides roles on every request from the device token, never from
 * anything the message claims.
 */

export const PROTOCOL_VERSION = 1;

/** A one-time enrolment code: 12 letters and digits a person can read out, grouped by 4. */
export const EnrolmentCode = z
  .string()
  .trim()
  .toUpperCase()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[A-Z0-9]{12}$/, { message: 'enrolment_code_invalid' }));

export const DeviceName = z.string().trim().min(1).max(100);

export const EnrolRequest = z
  .object({
    code: EnrolmentCode,
    device: z.object({ name: DeviceName }).strict(),
    /** The install's own agent, so its history keeps its agent id on the server. */
    agent: z.object({ id: z.string().min(1).max(64), name: AgentName, code: AgentCode }).strict(),
  })
  .strict();
export type EnrolRequest = z.infer<typeof EnrolRequest>;

export const TeamAgent = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  role: Role,
  active: z.boolean(),
});
export type TeamAgent = z.infer<typeof TeamAgent>;

export const EnrolResponse = z.object({
  deviceId: z.string().uuid(),
  /** Shown once: the app keeps it encrypted, the server keeps only its hash. */
  token: z.string().min(32),
  agent: TeamAgent,
  teamName: z.string(),
});
export type EnrolResponse = z.infer<typeof EnrolResponse>;

/** One row of a synced table; the row's own key names it. */
export const SyncRecord = z.discriminatedUnion(
  't',
  syncTables.map((table) => z.object({ t: z.literal(table), row: rowSchemas[table] }).strict()) as [
    z.ZodObject<{ t: z.ZodLiteral<SyncTable>; row: z.ZodType<Row> }>,
    ...z.ZodObject<{ t: z.ZodLiteral<SyncTable>; row: z.ZodType<Row> }>[],
  ],
);
export type SyncRecord = { t: SyncTable; row: Row };

export const MAX_PUSH_RECORDS = 500;
export const MAX_PULL_RECORDS = 2000;

export const PushRequest = z
  .object({
    /**
     * The device's own increasing number for this batch: the server applies a (device,
     * batch) once and answers a repeat with the first answer.
     */
    batch: z.number().int().positive(),
    records: z.array(SyncRecord).max(MAX_PUSH_RECORDS),
    /**
     * Part of an install's first upload, when it joins a team with the history it made alone:
     * a lead the team already has under another owner is refused for itself (`not_yours`)
     * instead of refusing the batch, and the install's own calls and notes on it are kept.
     */
    initial: z.boolean().optional(),
  })
  .strict();
export type PushRequest = z.infer<typeof PushRequest>;

/** Why the server did not take one record; the app shows it to the agent. */
export const RefusalReason = z.enum([
  /** The lead went to another agent meanwhile: the agent's edit of it is not applied. */
  'lead_reassigned',
  /** The lead's stage on the server is not the one the outcome was recorded from. */
  'stage_changed',
  /** Another lead on the server already has this number: the new one became an alias of it. */
  'duplicate_number',
  /** The row refers to a lead the server does not know. */
  'lead_unknown',
  /** At a first upload: the team has this lead under another owner; the team's version stays. */
  'not_yours',
]);
export type RefusalReason = z.infer<typeof RefusalReason>;

export const Refusal = z.object({
  t: SyncTable,
  id: z.string(),
  reason: RefusalReason,
  /** For `duplicate_number`: the lead that has the number. */
  leadId: z.string().optional(),
});
export type Refusal = z.infer<typeof Refusal>;

export const PushResponse = z.object({
  batch: z.number().int(),
  applied: z.number().int(),
  refused: z.array(Refusal),
  /** True when this (device, batch) had been applied before: nothing was written now. */
  replay: z.boolean(),
});
export type PushResponse = z.infer<typeof PushResponse>;

export const PullRequest = z
  .object({
    /** The last server sequence the app has applied (0 at first). */
    cursor: z.number().int().min(0),
    /** How many changes a page holds; a lead that became the agent's brings its history on top. */
    limit: z.number().int().min(1).max(MAX_PULL_RECORDS).optional(),
  })
  .strict();
export type PullRequest = z.infer<typeof PullRequest>;

export const PullResponse = z.object({
  records: z.array(SyncRecord),
  /** Leads that left this agent (moved to another): the app drops them from its copy. */
  removed: z.array(z.string()),
  cursor: z.number().int(),
  /** More is waiting: pull again at once. */
  more: z.boolean(),
});
export type PullResponse = z.infer<typeof PullResponse>;

/** Pushed by the server over the WebSocket: something this device may see changed; pull now. */
export const Nudge = z.object({ type: z.literal('nudge') });
export type Nudge = z.infer<typeof Nudge>;

export const IssueCodeRequest = z.object({ name: AgentName, code: AgentCode, role: Role }).strict();
export const IssueCodeResponse = z.object({
  code: z.string(),
  expiresAt: z.number().int(),
});

/** Which leads a supervisor hands out: by id, or by folder / source / customer status. */
export const LeadPick = z.union([
  z.object({ leadIds: z.array(z.string().min(1).max(64)).min(1).max(100_000) }).strict(),
  z
    .object({
      stage: Stage.nullable(),
      source: z.string().max(200).nullable(),
      customerStatus: z.string().max(80).nullable(),
      /** Only leads nobody owns yet (the team's pool). */
      unassignedOnly: z.boolean(),
      /** From whom (a move): only that agent's leads. */
      fromAgentId: z.string().max(64).nullable(),
      limit: z.number().int().min(1).max(100_000),
    })
    .strict(),
]);
export type LeadPick = z.infer<typeof LeadPick>;

export const AssignRequest = z
  .object({
    pick: LeadPick,
    /** One agent, or several for round-robin. */
    toAgentIds: z.array(z.string().min(1).max(64)).min(1).max(500),
  })
  .strict();
export type AssignRequest = z.infer<typeof AssignRequest>;

export const AssignResponse = z.object({
  assigned: z.number().int(),
  /** Per agent id, how many it received. */
  perAgent: z.record(z.string(), z.number().int()),
});
export type AssignResponse = z.infer<typeof AssignResponse>;

export const DeviceView = z.object({
  id: z.string(),
  agentId: z.string(),
  name: z.string(),
  createdAt: z.number().int(),
  lastSeenAt: z.number().int().nullable(),
  revokedAt: z.number().int().nullable(),
});
export type DeviceView = z.infer<typeof DeviceView>;

/** Every error the server answers with: a code the app translates, and an English message. */
export const ServerErrorCode = z.enum([
  'unauthorized',
  'device_revoked',
  'forbidden',
  'forbidden_change',
  /** A batch number this device used before with other content. */
  'batch_conflict',
  'invalid_input',
  'enrolment_code_invalid',
  'enrolment_code_expired',
  'agent_code_taken',
  'not_found',
  'too_large',
  'unavailable',
  'internal',
]);
export type ServerErrorCode = z.infer<typeof ServerErrorCode>;

export const ServerError = z.object({
  error: z.object({ code: ServerErrorCode, message: z.string(), detail: z.string().optional() }),
});
export type ServerError = z.infer<typeof ServerError>;

/** The HTTP routes, in one place for both sides. */
export const routes = {
  health: '/v1/health',
  enrol: '/v1/enrol',
  me: '/v1/me',
  push: '/v1/push',
  pull: '/v1/pull',
  live: '/v1/live',
  issueCode: '/v1/admin/codes',
  agents: '/v1/admin/agents',
  devices: '/v1/admin/devices',
  revokeDevice: '/v1/admin/devices/revoke',
  assign: '/v1/admin/assign',
} as const;
