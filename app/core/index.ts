// The public API of app/core, the pure maths engine (no React, no DOM; runs in Node and browsers).
export type * from './types';

// Matrices for code cells, printed as NumPy prints.
export { la } from './la';
export { Matrix } from './matrix';
export { formatNumpy, type FormatOptions } from './numpyFormat';

// The network: activations, the NetSpec and its validation, random networks.
export { activationNames, activations, leakySlope, type Activation } from './activations';
export { lossNames, NetSpecError, netLimits, originalNet, parameterCount, parseNetSpec, validateNetSpec } from './netspec';
export { copyNet, isSampleNet, Net, netShapes, netToJson, packedCount, packNet, reshapeNet, unpackNet, type FreshValue, type PackedNet } from './network';
export { lossGradientInto, lossTex, lossValue, type LossInput } from './loss';
export { denseOpCount, estimateUs, forwardOpCount, jacobianOpCount, nsPerOp, opCount } from './cost';
export { shownIndices, texMatrix, texNumber, texShape, type TexMatrixOptions } from './tex';
export { mulberry32, randomNet } from './randomNet';

// Forward pass and loss; the typed-array network the methods and benchmarks run on.
export { forward, forwardActivations, forwardLayers, forwardPrepared, lossGradientOf, lossOf, LossUndefinedError, type ForwardValues } from './forward';
export { activationAt, allocGradients, batchSize, prepareNet, prepareTrusted, toGradients, type PreparedNet, type TypedGradients } from './net';

// Gradient methods, their comparison and the dispatcher.
export { denseGradients, denseGradientsPrepared, jacobianWrtBias, jacobianWrtInput, jacobianWrtWeightRow } from './dense';
export { structuredGradients, structuredGradientsPrepared } from './structured';
export { fdRelativeStep, finiteDiffGradients, finiteDiffGradientsPrepared } from './finiteDiff';
export { formatGradientEntry, gradientDiffs, gradientEntries, maxAbsDiff, type GradientEntry } from './compare';
export { manualGradients, manualMethods, type ManualMethod } from './gradients';
export { backpropMults, backpropSteps, factorMults, firstSample, type BackpropFactor, type BackpropStep, type BackpropSteps } from './backpropSteps';

// Autograd (tf passed in, loaded lazily) and the timing harness.
export * from './tfjsGradients';
export { bench, BenchCancelledError, estimateDenseFromMeasured, estimateDenseUs, fitDenseCostModel, fitLogLogSlope, quantile, summarizeUs, sweep, yieldMacrotask } from './bench';
export type * from './bench';
