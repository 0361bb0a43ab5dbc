// Time per gradient of this network, by each method, on this device. A quick run by default (about a
// second); set `careful = true` and run the cell again for 30 samples of >= 10 ms per method (~15 s).
const careful = false;
const timingOptions = careful ? {} : lesson.quickBench;

const timings: TimingRow[] = [];
const prepared = lesson.prepare(params); // the network as typed arrays, converted once, outside the timing
// A timing calls each method several times: the Jacobian methods only where that takes seconds, not minutes.
const slowToTime = lesson.tooSlow(6 * lesson.denseOpCount(c), 'Timing the Jacobian methods at these widths');
if (slowToTime) {
  timings.push({ name: 'dense (Jacobians)', unavailable: slowToTime }, { name: 'your cells 06 + 12a (la)', unavailable: slowToTime });
} else {
  timings.push(await bench(() => lesson.dense(prepared), { ...timingOptions, name: 'dense (Jacobians)' }));
  // Forward and backward, like every other row: your forward pass (cell 06), then your backprop (cell 12a)
  timings.push(await bench(() => backprop(W, beta, forwardPass(X0, W, beta, K, activation), K, activation_der), { ...timingOptions, name: 'your cells 06 + 12a (la)' }));
}
timings.push(await bench(() => lesson.structured(prepared), { ...timingOptions, name: 'structured (VJPs)' }));
// autograd on each tfjs backend this device offers (cpu, wasm, and webgl in a browser); each call runs
// the forward pass, the backward pass, and copies the gradients out of tfjs. The kernel's own backend
// is restored afterwards.
for (const backend of lesson.tfBackends()) {
  timings.push(await lesson.benchTfjs(params, backend, timingOptions));
}

lesson.showTimings(timings, `Time per gradient, ${params.widths.join('-')} network, this device`);
