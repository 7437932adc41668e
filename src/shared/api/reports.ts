import { Reports, ReportsInput } from '../reportTypes';
import type { Area } from './contract';

/** The supervisor's reports: every series of the reports screen in one call. */
export const reportsArea = {
  role: 'supervisor',
  methods: {
    'reports.get': { input: ReportsInput, output: Reports, role: 'supervisor', mask: 'text' },
  },
  events: {},
} as const satisfies Area;
