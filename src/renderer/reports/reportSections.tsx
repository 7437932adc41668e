import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { Language } from '../../shared/domain';
import type { Reports } from '../../shared/reportTypes';
import {
  CallbacksChart,
  CallsPerDayChart,
  ConversionsChart,
  OutcomesChart,
  PerAgentChart,
  TalkTimeChart,
} from './ReportCharts';
import {
  callbacksTable,
  callsPerDayTable,
  conversionsTable,
  outcomesTable,
  perAgentTable,
  talkTimeTable,
  type ReportTable,
} from './reportTables';

/** One section of the reports screen: its chart, and the table behind it. */
export interface ReportSectionSpec {
  /** Also the i18n key of its title, under `reports.section.`. */
  id: string;
  /** The downloaded table's name, before the date range. */
  file: string;
  table(r: Reports, t: TFunction, language: Language): ReportTable;
  chart(r: Reports, language: Language): ReactNode;
}

/** The sections in the order the screen shows them. */
export const reportSections: readonly ReportSectionSpec[] = [
  {
    id: 'callsPerDay',
    file: 'cuoc-goi-theo-ngay',
    table: callsPerDayTable,
    chart: (r) => <CallsPerDayChart r={r} />,
  },
  {
    id: 'talkTime',
    file: 'thoi-gian-dam-thoai',
    table: talkTimeTable,
    chart: (r) => <TalkTimeChart r={r} />,
  },
  {
    id: 'outcomes',
    file: 'ket-qua-cuoc-goi',
    table: outcomesTable,
    chart: (r, language) => <OutcomesChart r={r} language={language} />,
  },
  {
    id: 'conversions',
    file: 'chuyen-doi',
    table: conversionsTable,
    chart: (r) => <ConversionsChart r={r} />,
  },
  {
    id: 'callbacks',
    file: 'hen-goi-lai',
    table: callbacksTable,
    chart: (r) => <CallbacksChart r={r} />,
  },
  {
    id: 'perAgent',
    file: 'theo-nhan-vien',
    table: perAgentTable,
    chart: (r) => <PerAgentChart r={r} />,
  },
];
