// Input n, hidden n, output 1 (random weights, sigmoid): the median time per gradient of each method
// as n grows. Quick by default (n up to 128, about two seconds); set `fullSweep = true` and run the cell
// again for n up to 512 and a depth sweep (about a minute; the Cancel button stops it).
const fullSweep = false;
const widthsToTry = fullSweep ? [2, 4, 8, 16, 32, 64, 128, 256, 512] : [4, 8, 16, 32, 64, 128];
const fitFrom = 16; // below this, the fixed cost of a call hides how the work grows

const sweepOptions = fullSweep ? { maxEstimateUs: 1e6 } : { ...lesson.quickBench, maxEstimateUs: 1e5 }; // refuse dense above 1 s (quick: 0.1 s) per gradient
const widthSweep = await bench.sweep(lesson.sweepCases(widthsToTry.map((n) => [n, n, 1]), { tf }), sweepOptions);
const widthSeries = lesson.showScaling(widthSweep.rows, 'width', fitFrom);

if (fullSweep && !widthSweep.cancelled) {
  // Depth: K layers of width 32 (then one output). Every method's work grows in proportion to K.
  const depthSweep = await bench.sweep(lesson.sweepCases([1, 2, 4, 8, 16].map((depth) => [...Array(depth).fill(32), 1]), { tf }), sweepOptions);
  lesson.showScaling(depthSweep.rows, 'depth', 2);
}
