// The activations: each function, its derivative and their KaTeX formulas in one record, so the page
// can never show one formula and compute another.
import type { ActivationName } from './types';

export interface Activation {
  name: ActivationName;
  /** For menus and captions. */
  label: string;
  f(x: number): number;
  /** f'(x); at a kink, the value TensorFlow.js and PyTorch use. */
  df(x: number): number;
  /** KaTeX source of f. */
  tex: string;
  /** KaTeX source of f'. */
  dtex: string;
  note?: string;
}

/** Slope of leaky ReLU for negative inputs (TensorFlow.js's tf.leakyRelu default is 0.2; ours is PyTorch's). */
export const leakySlope = 0.01;

/** 1 / (1 + e^-x) without overflow: for x < 0 it uses e^x / (1 + e^x), so exp never sees a large argument. */
function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

export const activations: Record<ActivationName, Activation> = {
  sigmoid: {
    name: 'sigmoid',
    label: 'Sigmoid',
    f: sigmoid,
    df: (x) => {
      const s = sigmoid(x);
      return s * (1 - s);
    },
    tex: String.raw`\sigma(z) = \frac{1}{1 + e^{-z}}`,
    dtex: String.raw`\sigma'(z) = \sigma(z)\,\bigl(1 - \sigma(z)\bigr)`,
    note: 'Outputs lie in (0, 1), so log X_K is always defined: the original notebook uses it.',
  },
  tanh: {
    name: 'tanh',
    label: 'tanh',
    f: Math.tanh,
    df: (x) => {
      const t = Math.tanh(x);
      return 1 - t * t;
    },
    tex: String.raw`\tanh(z) = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}`,
    dtex: String.raw`\tanh'(z) = 1 - \tanh^2(z)`,
    note: 'Outputs lie in (-1, 1): a negative output makes log X_K undefined.',
  },
  relu: {
    name: 'relu',
    label: 'ReLU',
    f: (x) => (x > 0 ? x : 0),
    df: (x) => (x > 0 ? 1 : 0),
    tex: String.raw`\operatorname{relu}(z) = \max(0, z)`,
    dtex: String.raw`\operatorname{relu}'(z) = \begin{cases} 1 & z > 0 \\ 0 & z \le 0 \end{cases}`,
    note: "relu'(0) is taken as 0, as TensorFlow.js and PyTorch do; an output of 0 makes log X_K undefined.",
  },
  leakyRelu: {
    name: 'leakyRelu',
    label: 'Leaky ReLU',
    f: (x) => (x > 0 ? x : leakySlope * x),
    df: (x) => (x > 0 ? 1 : leakySlope),
    tex: String.raw`\operatorname{leaky}(z) = \begin{cases} z & z > 0 \\ 0.01\,z & z \le 0 \end{cases}`,
    dtex: String.raw`\operatorname{leaky}'(z) = \begin{cases} 1 & z > 0 \\ 0.01 & z \le 0 \end{cases}`,
    note: "leaky'(0) is taken as 0.01, as TensorFlow.js does (its gradient is 1 only where z > 0).",
  },
};

export const activationNames = Object.keys(activations) as ActivationName[];
