// The kernel's default tfjs backend in the browser: WebAssembly, else cpu; WebGL only when asked for.
import { describe, expect, it } from 'vitest';
import type { Tf, TfBackendName, TfInit } from '../core/tfjsGradients';
import { browserBackendOrder, chooseTfBackend } from './tfBackend';

describe('browserBackendOrder', () => {
  it.each([
    ['wasm starts', true, 'wasm', []],
    ['wasm fails to load', false, 'cpu', ['WebAssembly unavailable (the .wasm binary did not load): using cpu']],
  ])('%s: the kernel uses %s, never trying WebGL (shaders cost seconds for tiny tensors)', async (_, wasmWorks, backend, notes) => {
    const tried: TfBackendName[] = [];
    const init = async (b: TfBackendName): Promise<TfInit> => {
      tried.push(b);
      if (b === 'wasm' && !wasmWorks) throw new Error('the .wasm binary did not load');
      return { tf: {} as Tf, backend: b, notes: [] };
    };
    const chosen = await chooseTfBackend(browserBackendOrder, init);
    expect(chosen.backend).toBe(backend);
    expect(chosen.notes).toEqual(notes);
    expect(tried).not.toContain('webgl');
  });
});
