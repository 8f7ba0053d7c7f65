// Run one report through a sink's hooks in order; the CLI and the scheduled service share this.
import type { Report } from '../../findings/types.js';
import type { Sink, SinkSummary } from './sink.js';

export async function deliverToSink(sink: Sink, report: Report): Promise<SinkSummary> {
  await sink.onScanStart?.(report.scan);
  await sink.onFindings?.(report.findings, report.scan);
  return (await sink.onScanEnd?.(report)) ?? { sink: sink.name, delivered: 0, spooled: 0, spoolDir: '', errors: [] };
}
