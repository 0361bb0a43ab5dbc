// Export of the step-through view: Jupyter gets the list of steps as Markdown with their formulas, plus plain text.
import { describe, expect, it } from 'vitest';
import { originalNet } from '../../core/netspec';
import { backpropView } from '../../kernel/lesson/backpropView';
import type { Output } from '../../kernel/protocol';
import { ipynbOutput, outputLabel } from '../share/exportOutputs';

describe('a backprop output exported', () => {
  const output: Output = { kind: 'backprop', view: backpropView(originalNet()) };

  it('is display_data with every step as Markdown (its formula the dense way) and as text', () => {
    const nb = ipynbOutput(output, 3) as { output_type: string; data: Record<string, string[]> };
    expect(nb.output_type).toBe('display_data');
    const markdown = nb.data['text/markdown'].join('');
    const plain = nb.data['text/plain'].join('');
    if (output.kind !== 'backprop') throw new Error('unreachable');
    output.view.steps.forEach((s, i) => {
      expect(markdown).toContain(`**Step ${i} of 7.** ${s.title.dense}\n\n$$${s.tex.dense}$$`);
      expect(plain).toContain(`Step ${i} of 7: ${s.title.dense}`);
    });
    expect(outputLabel(output)).toBe('backprop');
  });
});
