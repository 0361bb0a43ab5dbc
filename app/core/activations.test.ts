// Tests for the activation records: values from first principles, derivatives against finite differences.
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { activationNames, activations, leakySlope } from './activations';

describe('activations', () => {
  it.each(activationNames)('%s: df matches a central difference away from kinks', (name) => {
    const { f, df } = activations[name];
    const h = 1e-6;
    for (const x of [-4, -1.3, -0.2, 0.1, 0.7, 2.5, 6]) {
      expect(df(x)).toBeCloseTo((f(x + h) - f(x - h)) / (2 * h), 8);
    }
  });

  it.each(activationNames)('%s: formulas are valid KaTeX', (name) => {
    const { tex, dtex } = activations[name];
    expect(() => katex.renderToString(tex, { throwOnError: true, trust: false })).not.toThrow();
    expect(() => katex.renderToString(dtex, { throwOnError: true, trust: false })).not.toThrow();
  });

  it.each(activationNames)('%s: the record is filed under its own name', (name) => {
    expect(activations[name].name).toBe(name);
  });

  it('lists the four activations of the lesson', () => {
    expect(activationNames).toEqual(['sigmoid', 'tanh', 'relu', 'leakyRelu']);
  });

  it.each<[string, () => number, number]>([
    ['sigmoid(0) = 1/2', () => activations.sigmoid.f(0), 0.5],
    ["sigmoid'(0) = 1/4", () => activations.sigmoid.df(0), 0.25],
    ["tanh'(0) = 1", () => activations.tanh.df(0), 1],
    ['relu(-2) = 0', () => activations.relu.f(-2), 0],
    ['relu(3) = 3', () => activations.relu.f(3), 3],
    ["relu'(0) = 0 (as TensorFlow.js)", () => activations.relu.df(0), 0],
    ['leakyRelu(-2) = -0.02', () => activations.leakyRelu.f(-2), -2 * leakySlope],
    ["leakyRelu'(0) = 0.01 (as TensorFlow.js)", () => activations.leakyRelu.df(0), 0.01],
    ["leakyRelu'(1) = 1", () => activations.leakyRelu.df(1), 1],
  ])('%s', (_what, value, expected) => {
    expect(value()).toBe(expected);
  });

  it('sigmoid stays finite and in [0, 1] for huge |x|, and keeps tiny values for very negative x', () => {
    for (const x of [-1e308, -1000, -745, 745, 1000, 1e308]) {
      const s = activations.sigmoid.f(x);
      expect(Number.isFinite(s) && s >= 0 && s <= 1).toBe(true);
      expect(Number.isNaN(activations.sigmoid.df(x))).toBe(false);
    }
    // e^-700 / (1 + e^-700) = e^-700 to double precision; 1 - sigmoid(700) would have lost it.
    expect(activations.sigmoid.f(-700) / Math.exp(-700)).toBeCloseTo(1, 12);
  });
});
