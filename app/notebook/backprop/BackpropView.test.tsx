// The step-through view rendered (server-side markup): controls, live region, lit layers, and hostile strings kept as text.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { originalNet } from '../../core/netspec';
import { backpropView } from '../../kernel/lesson/backpropView';
import type { BackpropView as View } from '../../kernel/protocol';
import { hostileStrings, hostileTex, unsafeMarkup } from '../testing/hostile';
import BackpropView from './BackpropView';

// KaTeX without its lazy chunk: server rendering does not wait for one.
vi.mock('../richText', () => import('../richTextChunk'));

const html = (view: View): string => renderToStaticMarkup(<BackpropView view={view} />);

describe('BackpropView', () => {
  const view = backpropView(originalNet());

  it('opens at the forward pass with Previous, Next, both ways and a live region', () => {
    const out = html(view);
    expect(out).toContain('Step 0 of 7');
    expect(out).toMatch(/<button[^>]*aria-disabled="true"[^>]*>Previous<\/button>/);
    expect(out).toMatch(/<button[^>]*aria-disabled="false"[^>]*>Next<\/button>/);
    expect(out).toMatch(/aria-pressed="true"[^>]*>Dense Jacobians</);
    expect(out).toContain('aria-live="polite"');
    expect(out).toContain('<math'); // KaTeX's MathML, for screen readers
    expect(out.match(/<line /g)).toHaveLength(9);
  });

  it('names what is wrong with a view it cannot show, in place of the view', () => {
    const out = html({ ...view, steps: [] });
    expect(out).toContain('display.backprop: this view cannot be shown: steps is not a list of steps.');
    expect(out).not.toContain('<svg');
  });

  it.each(hostileStrings)('shows %j in titles, code and notes as text only', (s) => {
    const steps = view.steps.map((step) => ({ ...step, title: { dense: s, vjp: s }, code: { dense: { where: s, line: s }, vjp: { where: s, line: s } } }));
    const out = html({ ...view, steps, note: s });
    expect(unsafeMarkup(out)).toEqual([]);
  });

  it.each(hostileTex)('typesets the formula %j without links, ids, classes, data, styles or images', (tex) => {
    const steps = view.steps.map((step) => ({ ...step, tex: { dense: tex, vjp: tex } }));
    const out = html({ ...view, steps });
    expect(out).not.toMatch(/<a[\s>]|<img[\s>]/);
    expect(unsafeMarkup(out)).toEqual([]);
  });
});
