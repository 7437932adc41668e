import { z } from 'zod';
import { Stage } from '../domain';
import { ExportFileName } from '../exportTypes';
import { SyncTable, syncTables } from '../sync/tables';
import { TEXT_LIMITS } from '../textLimits';
import type { Area } from './contract';
import { Empty } from './fields';

/*
 * Agents and supervisor sync over the contract. The renderer never names a path on
 * this machine (a compromised renderer could otherwise make main write or probe any file):
 * bundles are written into the bundles folder beside the database under a name main makes
 * (or a bare file name), and bundles to import are uploaded in chunks like a lead list
 * (`imports.begin` / `imports.chunk`) and named here by their upload ids.
 */

export const AgentCode = z
  .string()
  .trim()
  .min(1, { message: 'agent_code_required' })
  .max(TEXT_LIMITS.agentCode, { message: 'too_long' })
  .regex(/^[A-Za-z0-9._-]*$/, { message: 'agent_code_invalid' });

export const AgentName = z
  .string()
  .trim()
  .min(1, { message: 'name_required' })
  .max(TEXT_LIMITS.shortName, { message: 'too_long' });

export const Agent = z.object({ id: z.string(), name: z.string(), code: z.string() });
export type Agent = z.infer<typeof Agent>;

export const BUNDLE_EXTENSION = '.lpbundle';

/**
 * A bare name for a bundle written into the bundles folder: no folder, no separator, no `..`,
 * no leading dot. `.lpbundle` is added when missing, so only ever a bundle file is written.
 */
export const BundleFileName = ExportFileName.refine((n) => !n.includes('..'), {
  message: 'file_name_invalid',
});

const UploadId = z.string().uuid();

/** A bundle carries the synced tables (src/shared/sync/tables.ts). */
export const bundleTables = syncTables;
export const BundleTable = SyncTable;
export type BundleTable = SyncTable;

export const BundleKind = z.enum(['work', 'assignment']);

/**
 * A supervisor's public key as text: its 32 raw bytes in base64. It is not secret: the
 * supervisor hands it out, and an agent's install takes the assignments it signs once an admin
 * there has trusted it (after comparing its fingerprint with the supervisor's screen).
 */
export const PublicKeyText = z
  .string()
  .trim()
  .max(TEXT_LIMITS.publicKey, { message: 'too_long' })
  .regex(/^[A-Za-z0-9+/]{43}=$/, { message: 'public_key_invalid' });

/** This install's own signing key (a supervisor's or an admin's), public half only. */
export const SigningKeyView = z.object({
  publicKey: z.string(),
  /** `7F3A 91C2 0B44 E5D8 12AF`: what the supervisor reads out to the agents' admin. */
  fingerprint: z.string(),
  createdAt: z.number(),
});
export type SigningKeyView = z.infer<typeof SigningKeyView>;

export const TrustedKey = z.object({
  publicKey: z.string(),
  fingerprint: z.string(),
  /** Whose key the admin took it for (the signer's name and code, by default). */
  label: z.string(),
  trustedAt: z.number(),
});
export type TrustedKey = z.infer<typeof TrustedKey>;

export const BundleSummary = z.object({
  bundleId: z.string(),
  kind: BundleKind,
  /** Where main wrote it: always inside the bundles folder of the data folder. */
  path: z.string(),
  fileName: z.string(),
  bytes: z.number().int(),
  /** The time range of the records (null when the bundle is empty). */
  from: z.number().nullable(),
  to: z.number().nullable(),
  counts: z.record(z.string(), z.number().int()),
  /** An assignment is signed with this install's key (null for an agent's work). */
  signedBy: z.object({ fingerprint: z.string() }).nullable(),
});
export type BundleSummary = z.infer<typeof BundleSummary>;

export const MergeCounts = z.record(
  z.string(),
  z.object({ added: z.number().int(), updated: z.number().int() }),
);
export type MergeCounts = z.infer<typeof MergeCounts>;

export const BundleImportResult = z.object({
  /** The name the uploaded file had on the user's side. */
  fileName: z.string(),
  bundleId: z.string(),
  kind: BundleKind,
  agent: Agent,
  createdAt: z.number(),
  counts: MergeCounts,
  /** An assignment's signer, as this install trusts it (null for an agent's work). */
  signedBy: z.object({ fingerprint: z.string(), label: z.string() }).nullable(),
});
export type BundleImportResult = z.infer<typeof BundleImportResult>;

export const LeadSelection = z
  .object({
    stage: Stage.nullable().default(null),
    source: z.string().trim().max(200).nullable().default(null),
    customerStatus: z.string().max(80).nullable().default(null),
  })
  .strict();
export type LeadSelection = z.output<typeof LeadSelection>;

/** The agent profile, and bundles of work and of assigned leads between installs. */
export const syncArea = {
  methods: {
    // The agent's own name and work: set at first start, exported to the supervisor.
    'agent.get': {
      input: Empty,
      output: z.object({ agent: Agent.nullable() }),
      role: 'agent',
      mask: 'phones',
    },
    'agent.set': {
      input: z.object({ name: AgentName, code: AgentCode }).strict(),
      output: Agent,
      role: 'agent',
      mask: 'phones',
    },
    /** Every agent this install knows: itself and the authors of imported bundles. */
    'agent.list': { input: Empty, output: z.array(Agent), role: 'agent', mask: 'phones' },
    'sync.status': {
      input: Empty,
      output: z.object({ lastExportAt: z.number().nullable(), pendingChanges: z.number().int() }),
      role: 'agent',
      mask: 'text',
    },
    'sync.exportBundle': {
      input: z
        .object({ since: z.enum(['last', 'all']), fileName: BundleFileName.optional() })
        .strict(),
      output: BundleSummary,
      role: 'agent',
      mask: 'text',
    },
    'sync.importBundles': {
      /** Uploads (`imports.begin` / `imports.chunk`) of `.lpbundle` files; removed once done. */
      input: z.object({ uploadIds: z.array(UploadId).min(1).max(200) }).strict(),
      output: z.object({ results: z.array(BundleImportResult) }),
      role: 'supervisor',
      mask: 'text',
    },
    /**
     * The agent's side of an assignment: only a lead list addressed to this agent goes in (the
     * core refuses any other bundle there).
     */
    'sync.importAssignment': {
      input: z.object({ uploadId: UploadId }).strict(),
      output: z.object({ result: BundleImportResult }),
      role: 'agent',
      mask: 'text',
    },
    /** This install's public key for assignments (made the first time it is asked for). */
    // The key assignments are signed with: a supervisor's (or an admin's) install has one.
    'sync.signingKey': { input: Empty, output: SigningKeyView, role: 'supervisor', mask: 'text' },
    /** The supervisors' keys whose assignments this install takes. */
    'sync.trustedKeys': { input: Empty, output: z.array(TrustedKey), role: 'agent', mask: 'text' },
    /**
     * Whose lead lists this desk takes is set up by an admin: an agent alone must never make
     * their install trust a key they made.
     */
    'sync.trustKey': {
      input: z
        .object({
          publicKey: PublicKeyText,
          label: z
            .string()
            .trim()
            .min(1, { message: 'name_required' })
            .max(TEXT_LIMITS.shortName, { message: 'too_long' }),
        })
        .strict(),
      output: TrustedKey,
      role: 'admin',
      mask: 'text',
    },
    'sync.untrustKey': {
      input: z.object({ publicKey: PublicKeyText }).strict(),
      output: z.object({}),
      role: 'admin',
      mask: 'text',
    },
    'sync.assignLeads': {
      input: z
        .object({
          filter: LeadSelection,
          agentCode: AgentCode,
          fileName: BundleFileName.optional(),
        })
        .strict(),
      output: BundleSummary,
      role: 'supervisor',
      mask: 'text',
    },
  },
  events: {},
} as const satisfies Area;
