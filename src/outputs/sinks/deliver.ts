// Run one report through a sink's hooks in order; the CLI and the scheduled service share this.
import type { StreamedReport } from '../../findings/types.js';
import { deliverableFindings } from '../../findings/deliverable.js';
import type { Sink, SinkSummary } from './sink.js';

export async function deliverToSink(sink: Sink, report: StreamedReport, options: { changesOnly?: boolean } = {}): Promise<SinkSummary> {
  await sink.onScanStart?.(report.scan);
  await sink.onFindings?.(deliverableFindings(report, options.changesOnly), report);
  return (await sink.onScanEnd?.(report)) ?? { sink: sink.name, delivered: 0, spooled: 0, spoolDir: '', errors: [] };
}
