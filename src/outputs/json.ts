// The report contract itself (schema/report.schema.json).
import type { Format } from './format.js';

export const json: Format = {
  extension: 'json',
  mediaType: 'application/json',
  render: (report) => `${JSON.stringify(report, null, 2)}\n`,
};
