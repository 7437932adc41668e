import { Reports, ReportsInput } from '../reportTypes';

export const reportsMethods = {
  'reports.get': { input: ReportsInput, output: Reports },
} as const;
