// Input n, hidden n, output 1 (random weights, sigmoid): the time per gradient of the two manual
// methods and of autograd (tfjs, on the kernel's backend) as n grows, n = 8 ... 256 (a few seconds).
// Set `fullSweep = true` and run the cell again for n = 2 ... 512 and a depth sweep (a minute or
// two; Cancel stops it).
const fullSweep = false;
const widthsToTry = fullSweep ? [2, 4, 8, 16, 32, 64, 128, 256, 512] : [8, 16, 32, 64, 128, 256];
const fitFrom = 16; // below this, the fixed cost of a call hides how the work grows
const autogradFitFrom = 128; // autograd's fixed cost per call (dispatching each operation) hides its n^2 until about here
const fitFromFor = (method: string) => (method.startsWith('autograd') ? autogradFitFrom : fitFrom);

// Refuse dense sizes whose estimated time per gradient (fitted on the sizes done) is above 1 s (quick: 0.2 s)
const sweepOptions = fullSweep ? { maxEstimateUs: 1e6 } : { ...lesson.quickBench, maxEstimateUs: 2e5 };
const widthSweep = await bench.sweep(lesson.sweepCases(widthsToTry.map((n) => [n, n, 1]), { tf }), sweepOptions);
const widthSeries = lesson.showScaling(widthSweep.rows, 'width', fitFromFor);

if (fullSweep && !widthSweep.cancelled) {
  // Depth: d hidden layers of 32 x 32, then one output. Every method's work grows in proportion to d.
  const depthSweep = await bench.sweep(lesson.sweepCases([1, 2, 4, 8, 15].map((d) => [32, ...Array(d).fill(32), 1]), { tf }), sweepOptions);
  lesson.showScaling(depthSweep.rows, 'depth', 2);
}
