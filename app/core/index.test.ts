// Tests for the public API of core, and for the arrow rule: core imports nothing of ours from outside core.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as core from './index';

const here = new URL('./', import.meta.url);
const sources = readdirSync(here).filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file));

describe('index', () => {
  it.each([
    'la', 'Matrix', 'activations', 'validateNetSpec', 'originalNet', 'randomNet', 'forward', 'prepareNet',
    'denseGradients', 'denseGradientsPrepared', 'structuredGradients', 'structuredGradientsPrepared',
    'finiteDiffGradients', 'gradientEntries', 'maxAbsDiff', 'manualGradients',
    'jacobianWrtInput', 'jacobianWrtBias', 'jacobianWrtWeightRow',
  ])('exports %s', (name) => {
    expect(core).toHaveProperty(name);
  });

  it.each(sources)('%s imports only core modules and npm packages, never React or the rest of the app', (file) => {
    const text = readFileSync(new URL(file, here), 'utf8');
    const imports = [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]);
    for (const path of imports) {
      expect(path.startsWith('../'), `${file} imports ${path}`).toBe(false);
      expect(/^react(-dom)?(\/|$)/.test(path), `${file} imports ${path}`).toBe(false);
    }
  });
});
