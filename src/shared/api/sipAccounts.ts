import { z } from 'zod';
import { SipAccountSaveInput, SipAccountView, SipCredentials } from '../softphone';
import type { Area } from './contract';
import { Empty, Id } from './fields';

/** The SIP accounts the softphone registers with. */
export const sipAccountsArea = {
  methods: {
    'sipAccounts.list': {
      input: Empty,
      output: z.array(SipAccountView),
      role: 'agent',
      mask: 'phones',
    },
    'sipAccounts.save': {
      input: SipAccountSaveInput,
      output: SipAccountView,
      role: 'admin',
      mask: 'phones',
    },
    'sipAccounts.delete': {
      input: z.object({ id: Id }).strict(),
      output: z.object({}),
      role: 'admin',
      mask: 'phones',
    },
    /**
     * For the phone alone, right before it registers: the one place a secret leaves main. The
     * phone registers with it on an agent's desk; the password never reaches a screen.
     */
    'sipAccounts.credentials': {
      input: z.object({ id: Id }).strict(),
      output: SipCredentials,
      role: 'agent',
      mask: 'none',
    },
  },
  events: {
    'sipAccounts.changed': { payload: z.object({}), mask: 'phones' },
  },
} as const satisfies Area;
