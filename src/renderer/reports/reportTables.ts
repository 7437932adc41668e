import type { TFunction } from 'i18next';
import type { Language } from '../../shared/domain';
import { reachRate, type Reports } from '../../shared/reportTypes';
import { entryLabel } from '../workflow/catalogueStore';

/** An amount of money: the screen writes `1.250.000 ₫`, the CSV the plain number. */
export interface Vnd {
  vnd: number;
}
export type ReportCell = string | number | Vnd;

/** The table behind a chart: what the screen shows under it and what "export this" writes. */
export interface ReportTable {
  headers: string[];
  rows: ReportCell[][];
}

const minutes = (seconds: number) => Math.round(seconds / 6) / 10;
const share = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;

/** `2026-11-23` → `23/11/2026`, the way dates are written everywhere else. */
export function dayLabel(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

export function callsPerDayTable(r: Reports, t: TFunction): ReportTable {
  return {
    headers: [
      t('reports.col.day'),
      t('reports.col.calls'),
      t('reports.col.reached'),
      t('reports.col.reachRate'),
    ],
    rows: r.days.map((d) => [dayLabel(d.day), d.calls, d.reached, reachRate(d.reached, d.calls)]),
  };
}

export function talkTimeTable(r: Reports, t: TFunction): ReportTable {
  return {
    headers: [t('reports.col.day'), t('reports.col.talkMinutes'), t('reports.col.avgTalk')],
    rows: r.days.map((d) => [
      dayLabel(d.day),
      minutes(d.talkSeconds),
      d.reached === 0 ? 0 : Math.round(d.talkSeconds / d.reached),
    ]),
  };
}

export function agentName(a: Reports['agents'][number], t: TFunction): string {
  if (a.agentId === null) return t('reports.noAgent');
  return a.code ? `${a.name} (${a.code})` : a.name || a.agentId;
}

export function perAgentTable(r: Reports, t: TFunction): ReportTable {
  return {
    headers: [
      t('reports.col.agent'),
      t('reports.col.calls'),
      t('reports.col.reached'),
      t('reports.col.reachRate'),
      t('reports.col.talkMinutes'),
      t('reports.col.orders'),
      t('reports.col.orderValue'),
    ],
    rows: r.agents.map((a) => [
      agentName(a, t),
      a.calls,
      a.reached,
      reachRate(a.reached, a.calls),
      minutes(a.talkSeconds),
      a.orders,
      { vnd: a.orderValue },
    ]),
  };
}

export function outcomesTable(r: Reports, t: TFunction, language: Language): ReportTable {
  const total = r.outcomes.reduce((n, o) => n + o.count, 0);
  return {
    headers: [t('reports.col.outcome'), t('reports.col.count'), t('reports.col.share')],
    rows: r.outcomes.map((o) => [entryLabel(o, language), o.count, share(o.count, total)]),
  };
}

export function conversionSteps(r: Reports) {
  const c = r.conversions;
  return [
    { key: 'newCalled', count: c.newCalled, rate: null },
    { key: 'converted', count: c.converted, rate: share(c.converted, c.newCalled) },
    { key: 'contactCalled', count: c.contactCalled, rate: null },
    { key: 'ordered', count: c.ordered, rate: share(c.ordered, c.contactCalled) },
  ] as const;
}

export function conversionsTable(r: Reports, t: TFunction): ReportTable {
  const c = r.conversions;
  return {
    headers: [t('reports.col.step'), t('reports.col.count'), t('reports.col.rate')],
    rows: [
      [t('reports.step.newLeads'), c.newLeads, ''],
      ...conversionSteps(r).map((s) => [t(`reports.step.${s.key}`), s.count, s.rate ?? '']),
      [t('reports.step.orders'), c.orders, ''],
      [t('reports.step.orderValue'), { vnd: c.orderValue }, ''],
      [t('reports.step.paidValue'), { vnd: c.paidValue }, ''],
    ],
  };
}

export function callbacksTable(r: Reports, t: TFunction): ReportTable {
  return {
    headers: [
      t('reports.col.day'),
      t('reports.col.due'),
      t('reports.col.done'),
      t('reports.col.missed'),
      t('reports.col.upcoming'),
    ],
    rows: r.days.map((d) => [
      dayLabel(d.day),
      d.callbacksDue,
      d.callbacksDone,
      d.callbacksMissed,
      d.callbacksUpcoming,
    ]),
  };
}

function csvField(value: ReportCell): string {
  const text = typeof value === 'object' ? String(value.vnd) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a byte-order mark, so Excel reads the Vietnamese right. */
export function tableCsv(table: ReportTable): string {
  return (
    '\uFEFF' +
    [table.headers, ...table.rows].map((r) => r.map(csvField).join(',')).join('\r\n') +
    '\r\n'
  );
}
