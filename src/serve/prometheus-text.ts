// The Prometheus text exposition format (version 0.0.4), written by hand: the service exposes a dozen series
// whose values it already holds, which does not justify prom-client's global registry and dependencies.

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export type Labels = Readonly<Record<string, string>>;

export interface Sample {
  labels?: Labels;
  value: number;
}

export type MetricFamily =
  | { name: string; help: string; type: 'counter' | 'gauge'; samples: readonly Sample[] }
  | { name: string; help: string; type: 'histogram'; histogram: HistogramData };

export interface HistogramData {
  /** upper bounds, ascending, without +Inf */
  buckets: readonly number[];
  /** observations per bucket (not cumulative), one more entry than buckets for +Inf */
  counts: readonly number[];
  sum: number;
}

const escapeHelp = (text: string) => text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
const escapeLabel = (text: string) => text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

function sampleLine(name: string, value: number, labels: Labels = {}): string {
  const pairs = Object.entries(labels).map(([key, label]) => `${key}="${escapeLabel(label)}"`);
  return `${name}${pairs.length > 0 ? `{${pairs.join(',')}}` : ''} ${formatValue(value)}`;
}

function histogramLines(name: string, { buckets, counts, sum }: HistogramData): string[] {
  let cumulative = 0;
  const lines = [...buckets, Infinity].map((bound, index) => {
    cumulative += counts[index] ?? 0;
    return sampleLine(`${name}_bucket`, cumulative, { le: formatValue(bound) });
  });
  return [...lines, sampleLine(`${name}_sum`, sum), sampleLine(`${name}_count`, cumulative)];
}

export function renderPrometheusText(families: readonly MetricFamily[]): string {
  const lines = families.flatMap((family) => [
    `# HELP ${family.name} ${escapeHelp(family.help)}`,
    `# TYPE ${family.name} ${family.type}`,
    ...(family.type === 'histogram'
      ? histogramLines(family.name, family.histogram)
      : family.samples.map((sample) => sampleLine(family.name, sample.value, sample.labels))),
  ]);
  return `${lines.join('\n')}\n`;
}
