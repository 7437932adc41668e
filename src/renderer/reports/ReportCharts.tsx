import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/domain';
import type { Reports } from '../../shared/reportTypes';
import { agentName, conversionSteps, dayLabel } from './reportTables';
import { entryLabel } from '../workflow/catalogueStore';

/*
 * The charts of the reports screen (recharts). Animations are off: the numbers should be
 * readable the moment they arrive, and a test sees the final drawing at once.
 */

const HEIGHT = 240;
const COLORS = { calls: '#4a6fa5', reached: '#2e9e5b', missed: '#d9534f', upcoming: '#9aa5b1' };
const short = (day: string) => dayLabel(day).slice(0, 5);

interface BarSpec {
  key: string;
  /** i18n key of the legend's name */
  label: string;
  color: string;
}

/** The bars of a chart, animation off; stacked when given a stack id. */
function bars(specs: readonly BarSpec[], t: (key: string) => string, stackId?: string) {
  return specs.map((b) => (
    <Bar
      key={b.key}
      dataKey={b.key}
      stackId={stackId}
      name={t(b.label)}
      fill={b.color}
      isAnimationActive={false}
    />
  ));
}

/** Bars per day, one series per spec. */
function DayBarChart({
  data,
  specs,
  stackId,
}: {
  data: object[];
  specs: readonly BarSpec[];
  stackId?: string;
}) {
  const { t } = useTranslation();
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart data={data}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="day" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        {bars(specs, t, stackId)}
      </BarChart>
    </ResponsiveContainer>
  );
}

const CALLS_AND_REACHED: readonly BarSpec[] = [
  { key: 'calls', label: 'reports.col.calls', color: COLORS.calls },
  { key: 'reached', label: 'reports.col.reached', color: COLORS.reached },
];

const CALLBACK_BARS: readonly BarSpec[] = [
  { key: 'done', label: 'reports.col.done', color: COLORS.reached },
  { key: 'missed', label: 'reports.col.missed', color: COLORS.missed },
  { key: 'upcoming', label: 'reports.col.upcoming', color: COLORS.upcoming },
];

export function CallsPerDayChart({ r }: { r: Reports }) {
  const data = r.days.map((d) => ({ day: short(d.day), calls: d.calls, reached: d.reached }));
  return <DayBarChart data={data} specs={CALLS_AND_REACHED} />;
}

export function TalkTimeChart({ r }: { r: Reports }) {
  const { t } = useTranslation();
  const data = r.days.map((d) => ({
    day: short(d.day),
    minutes: Math.round(d.talkSeconds / 6) / 10,
  }));
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <LineChart data={data}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="day" />
        <YAxis />
        <Tooltip />
        <Line
          type="monotone"
          dataKey="minutes"
          name={t('reports.col.talkMinutes')}
          stroke={COLORS.calls}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}

export function PerAgentChart({ r }: { r: Reports }) {
  const { t } = useTranslation();
  const data = r.agents.map((a) => ({
    agent: agentName(a, t),
    calls: a.calls,
    reached: a.reached,
  }));
  return (
    <ResponsiveContainer width="100%" height={Math.max(HEIGHT / 2, 48 * data.length + 60)}>
      <BarChart data={data} layout="vertical">
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="agent" width={180} />
        <Tooltip />
        <Legend />
        {bars(CALLS_AND_REACHED, t)}
      </BarChart>
    </ResponsiveContainer>
  );
}

export function OutcomesChart({ r, language }: { r: Reports; language: Language }) {
  const data = r.outcomes.map((o) => ({
    name: entryLabel(o, language),
    value: o.count,
    color: o.color,
  }));
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <PieChart>
        <Pie
          data={data}
          dataKey="value"
          nameKey="name"
          outerRadius={90}
          isAnimationActive={false}
          label
        >
          {data.map((d) => (
            <Cell key={d.name} fill={d.color} />
          ))}
        </Pie>
        <Tooltip />
        <Legend />
      </PieChart>
    </ResponsiveContainer>
  );
}

export function ConversionsChart({ r }: { r: Reports }) {
  const { t } = useTranslation();
  const data = conversionSteps(r).map((s) => ({
    step: t(`reports.step.${s.key}`),
    count: s.count,
  }));
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart data={data} layout="vertical">
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="step" width={200} interval={0} tick={{ fontSize: 12 }} />
        <Tooltip />
        {bars([{ key: 'count', label: 'reports.col.count', color: COLORS.reached }], t)}
      </BarChart>
    </ResponsiveContainer>
  );
}

export function CallbacksChart({ r }: { r: Reports }) {
  const data = r.days.map((d) => ({
    day: short(d.day),
    done: d.callbacksDone,
    missed: d.callbacksMissed,
    upcoming: d.callbacksUpcoming,
  }));
  return <DayBarChart data={data} specs={CALLBACK_BARS} stackId="cb" />;
}
