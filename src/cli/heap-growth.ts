// How far V8 lets the heap grow past what the last full collection found alive. Its default, up to 4x when the
// program allocates fast, is what a scan does: every API answer is parsed, cast to the SDK's models and
// normalized, every finding rendered to three formats, nearly all of it garbage at once. A full-scale scan
// that holds about 100 MB then peaked near 360 MB; 50 % over the live objects keeps it within a small CI
// runner's or pod's limit for a few per cent more CPU (docs/benchmark.md). Read at each full collection, so
// setting it at start is enough; `node --heap-growing-percent=N` given by the user wins.
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

if (!process.execArgv.some((flag) => /^--heap[-_]growing[-_]percent/.test(flag))) {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
