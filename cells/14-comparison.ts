// Three answers, one table. The tolerance, entry by entry: |manual - other| <= abs + rel * |manual|.
//  - autograd computes in float32 (about 7 significant digits), and rounding grows a little with every
//    layer: 1e-4 leaves room for that on networks of any size here, and still catches a wrong formula
//    (those differ in the first or second digit). Make it 1e-9 and watch float32 fail.
//  - finite differences and the manual code are both float64; the step h (about 6e-6) leaves an
//    error near 1e-10, so 1e-6 is safe.
const tolerance = {
  autograd: { abs: 1e-4, rel: 1e-4 },
  fd: { abs: 1e-6, rel: 1e-6 },
};
// WebGL on some GPUs (many phones) stores numbers in 16-bit floats, about 3 significant digits:
const precision = await lesson.tfPrecision();
if (!precision.float32) tolerance.autograd = { abs: 1e-2, rel: 1e-2 };

const manual = lesson.asGradients(dldX, dldW, dldbeta, lessonNote ? lesson.structuredRecords(params).loss : la.sum(la.log(X[K])));
const autograd = lesson.asGradients(tfRecords.dldX, tfRecords.dldW, tfRecords.dldbeta);
const fd = lesson.finiteDifferences(params); // nudge every number by ±h (app/core/finiteDiff.ts); null if too many
const comparison = await lesson.compareGradients({ manual, autograd, fd }, tolerance);

// The network again, now with every gradient: hover a node or an edge for its dl/d value.
// (The diagram draws one sample of the original kind: for another kind, the table above is the answer.)
if (!lessonNote) display.network(params, lesson.values(X), manual);
