// The public API of app/core, the pure maths engine (no React, no DOM; runs in Node and browsers).
export type * from './types';

// Matrices for code cells, printed as NumPy prints.
export { la } from './la';
export { Matrix } from './matrix';
export { formatNumpy, type FormatOptions } from './numpyFormat';

// The network: activations, the NetSpec and its validation, random networks.
export { activationNames, activations, leakySlope, type Activation } from './activations';
export { NetSpecError, netLimits, originalNet, parameterCount, parseNetSpec, validateNetSpec } from './netspec';
export { mulberry32, randomNet } from './randomNet';

// Forward pass and loss; the typed-array network the methods and benchmarks run on.
export { forward, forwardActivations, forwardLayers, forwardPrepared, lossOf, LossUndefinedError, type ForwardValues } from './forward';
export { allocGradients, prepareNet, toGradients, type PreparedNet, type TypedGradients } from './net';

// Gradient methods, their comparison and the dispatcher.
export { denseGradients, denseGradientsPrepared, jacobianWrtBias, jacobianWrtInput, jacobianWrtWeightRow } from './dense';
export { structuredGradients, structuredGradientsPrepared } from './structured';
export { fdRelativeStep, finiteDiffGradients, finiteDiffGradientsPrepared } from './finiteDiff';
export { formatGradientEntry, gradientDiffs, gradientEntries, maxAbsDiff, type GradientEntry } from './compare';
export { manualGradients, manualMethods, type ManualMethod } from './gradients';
export { backpropMults, backpropSteps, factorMults, firstSample, type BackpropFactor, type BackpropStep, type BackpropSteps } from './backpropSteps';

// Autograd (tf passed in, loaded lazily) and the timing harness.
export * from './tfjsGradients';
export * from './bench';
