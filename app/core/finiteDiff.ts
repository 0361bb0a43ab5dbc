// Central finite differences in float64 over every parameter and every X_k: an independent check
// that shares nothing with the chain rule but the forward pass.
//
// dl/dp ~ (l(p + h) - l(p - h)) / 2h with h = cbrt(eps) * max(1, |p|): the step that balances the
// truncation error (~h^2) against rounding (~eps/h). For dl/dX_k (k >= 1) the forward pass restarts
// at layer k+1 with X_k changed. Cost: two forward passes per number, fine for lesson-sized networks.
import { forwardLayers, forwardPrepared } from './forward';
import { allocGradients, prepareNet, toGradients, type PreparedNet, type TypedGradients } from './net';
import type { Gradients, NetSpec } from './types';

/** The relative step: the cube root of float64's epsilon, about 6e-6. */
export const fdRelativeStep = Math.cbrt(Number.EPSILON);

/** Central difference of the loss w.r.t. values[i], re-running the forward pass from layer from+1. */
function centralDifference(net: PreparedNet, values: Float64Array, i: number, from: number): number {
  const p = values[i];
  // p + h rounded back: the step actually taken, so the division uses the true distance.
  const h = p + fdRelativeStep * Math.max(1, Math.abs(p)) - p;
  values[i] = p + h;
  const lossUp = forwardPrepared(net, from);
  values[i] = p - h;
  const lossDown = forwardPrepared(net, from);
  values[i] = p;
  return (lossUp - lossDown) / (2 * h);
}

function differences(net: PreparedNet, values: Float64Array, out: Float64Array, from: number): void {
  for (let i = 0; i < values.length; i++) out[i] = centralDifference(net, values, i, from);
}

/**
 * Every gradient by central differences. Layers are visited from K down to 1, so each restart at
 * layer k+1 finds X_0..X_k as the unperturbed forward pass left them.
 */
export function finiteDiffGradientsPrepared(net: PreparedNet, out: TypedGradients = allocGradients(net.widths, net.B)): TypedGradients {
  out.loss = forwardPrepared(net);
  for (let k = net.K; k >= 1; k--) {
    differences(net, net.X[k], out.dX[k], k);
    differences(net, net.W[k - 1], out.dW[k - 1], k - 1);
    differences(net, net.beta[k - 1], out.dbeta[k - 1], k - 1);
  }
  differences(net, net.X[0], out.dX[0], 0);
  forwardLayers(net);
  return out;
}

/** Gradients of a NetSpec by central finite differences, as plain JSON. */
export function finiteDiffGradients(spec: NetSpec): Gradients {
  const net = prepareNet(spec);
  return toGradients(finiteDiffGradientsPrepared(net), net.widths);
}
