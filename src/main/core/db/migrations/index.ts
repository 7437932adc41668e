import type { Migration } from './types';
import { m0010Init } from './0010-init';
import { m0020Settings } from './0020-settings';
import { m0030Workflow } from './0030-workflow';
import { m0040Intake } from './0040-intake';
import { m0050Softphone } from './0050-softphone';
import { m0060Reminders } from './0060-reminders';
import { m0070Agents } from './0070-agents';
import { m0080Reports } from './0080-reports';
import { m0090Access } from './0090-access';
import { m0100LeanSaves } from './0100-lean-saves';
import { m0110Idempotency } from './0110-idempotency';
import { m0160ImportRuns } from './0160-import-runs';
import { m0170SecondNumber } from './0170-second-number';
import { m0180BundleKeys } from './0180-bundle-keys';
import { m0190TeamLink } from './0190-team-link';
import { m0200Compliance } from './0200-compliance';

export type { Migration } from './types';

/** Static and ordered: no file-system scanning, so it works when bundled. */
export const migrations: readonly Migration[] = [
  m0010Init,
  m0020Settings,
  m0030Workflow,
  m0040Intake,
  m0050Softphone,
  m0060Reminders,
  m0070Agents,
  m0080Reports,
  m0090Access,
  m0100LeanSaves,
  m0110Idempotency,
  m0160ImportRuns,
  m0170SecondNumber,
  m0180BundleKeys,
  m0190TeamLink,
  m0200Compliance,
];
