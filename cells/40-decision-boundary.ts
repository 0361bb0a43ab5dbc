// What the network learned: its probability of "inside" on a grid over the plane, and the data
const gridSide = Array.from({ length: 31 }, (_, i) => -1.5 + i * 0.1);
const gridPoints = la.fromFunction(2, 31 * 31, (r, j) => (r === 0 ? gridSide[j % 31] : gridSide[Math.floor(j / 31)]));
const gridP = forwardBatch(byHand.W, byHand.beta, gridPoints, 2).Xs[2];
const ofClass = (cls: number, axis: number) => Array.from({ length: 200 }, (_, b) => b).filter((b) => labels.get(0, b) === cls).map((b) => points.get(axis, b));
display.plot({
  data: [
    { x: Array.from(gridPoints.data.subarray(0, 961)), y: Array.from(gridPoints.data.subarray(961)), type: 'scatter', mode: 'markers', name: 'p(inside)', marker: { color: Array.from(gridP.data), colorscale: 'RdBu', reversescale: true, cmin: 0, cmax: 1, size: 9, symbol: 'square', opacity: 0.5, showscale: true }, hoverinfo: 'skip' },
    { x: ofClass(1, 0), y: ofClass(1, 1), type: 'scatter', mode: 'markers', name: 'inside (1)', marker: { color: '#08306b', size: 6 } },
    { x: ofClass(0, 0), y: ofClass(0, 1), type: 'scatter', mode: 'markers', name: 'outside (0)', marker: { color: '#a50f15', size: 6, symbol: 'x' } },
  ],
  layout: { title: { text: 'The decision boundary: p(inside) after training' }, xaxis: { range: [-1.6, 1.6], constrain: 'domain' }, yaxis: { range: [-1.6, 1.6], scaleanchor: 'x', constrain: 'domain' }, height: 420, margin: { t: 40, r: 10 }, legend: { orientation: 'h', y: -0.15 } },
});
