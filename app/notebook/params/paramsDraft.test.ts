// Tests for the panel's draft: typing keeps the text, a bad field leaves the last valid network, the loss is checked.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import seed from '../../../reference/seed-values.json' with { type: 'json' };
import { forward, LossUndefinedError } from '../../core/forward';
import { validateNetSpec } from '../../core/netspec';
import { mulberry32, randomNet } from '../../core/randomNet';
import type { ActivationName, NetSpec } from '../../core/types';
import { blocksOf } from './paramsBlocks';
import { draftFromNet, entryText, formatWidths, lossProblemOf, paramsReducer, readDraft, type ParamsAction, type ParamsDraft } from './paramsDraft';

const original = (): NetSpec => structuredClone(seed.net) as NetSpec;
const [X0, W1, beta1, W2, beta2] = blocksOf([2, 3, 1]);
const run = (actions: ParamsAction[], start: ParamsDraft = draftFromNet(original())): ParamsDraft => actions.reduce(paramsReducer, start);

describe('draftFromNet', () => {
  it('shows the widths as a person writes them and every entry as its number', () => {
    const draft = draftFromNet(original());
    expect(draft.widthsText).toBe('2, 3, 1');
    expect(entryText(draft, W1, 0, 1)).toBe('-2.5');
    expect(readDraft(draft)).toEqual({ problems: [], spec: original(), lossProblem: null, slowWarning: null });
  });
});

describe('formatWidths', () => {
  it('joins with a comma and a space', () => {
    expect(formatWidths([3, 4, 2, 1])).toBe('3, 4, 2, 1');
  });
});

describe('paramsReducer', () => {
  it('keeps what the student typed, good or bad, and moves the network only on good numbers', () => {
    const typed = run([{ type: 'entry', block: W1, i: 0, j: 1, text: '-2.50' }]);
    expect(entryText(typed, W1, 0, 1)).toBe('-2.50');
    expect(typed.net.W[0][0][1]).toBe(-2.5);
    const bad = run([{ type: 'entry', block: W1, i: 0, j: 1, text: '3' }, { type: 'entry', block: W1, i: 0, j: 1, text: 'abc' }]);
    expect(entryText(bad, W1, 0, 1)).toBe('abc');
    expect(bad.net.W[0][0][1]).toBe(3); // the last valid value
  });

  it('reshapes on valid widths only, keeping the text as typed', () => {
    const half = run([{ type: 'widths', text: '2, 3, -' }]);
    expect(half.widthsText).toBe('2, 3, -');
    expect(half.net.widths).toEqual([2, 3, 1]);
    const zero = run([{ type: 'widths', text: '2, 0, 1' }]);
    expect(zero.net).toEqual(original());
    const grown = run([{ type: 'widths', text: '3, 4, 2, 1' }]);
    expect(grown.net.widths).toEqual([3, 4, 2, 1]);
    expect(grown.widthsText).toBe('3, 4, 2, 1');
  });

  it('loses nothing when typing widths through a narrower network', () => {
    const edited = run([{ type: 'entry', block: beta1, i: 2, j: 0, text: '7' }]);
    const back = run([{ type: 'widths', text: '2, 1' }, { type: 'widths', text: '2, 1, 1' }, { type: 'widths', text: '2, 3, 1' }], edited);
    expect(back.net).toEqual(edited.net);
  });

  it('forgets typed entries whose place the new widths remove, keeps the others', () => {
    const draft = run([
      { type: 'entry', block: W1, i: 2, j: 0, text: 'x' },
      { type: 'entry', block: W1, i: 0, j: 0, text: '0.50' },
      { type: 'widths', text: '2, 2, 1' },
    ]);
    expect([...draft.typed.keys()]).toEqual(['W1[0][0]']);
  });

  it('reads a block typed as text, and keeps the last valid values while the text is bad', () => {
    const good = run([{ type: 'blockText', block: W2, text: '1, 2, 3' }]);
    expect(good.net.W[1]).toEqual([[1, 2, 3]]);
    const bad = run([{ type: 'blockText', block: W2, text: '1, 2' }], good);
    expect(bad.net.W[1]).toEqual([[1, 2, 3]]);
    expect(bad.texts.get('W2')).toBe('1, 2');
  });

  it('randomises one W_k from a seed and clears what was typed in it', () => {
    const a = run([{ type: 'entry', block: W1, i: 0, j: 0, text: 'x' }, { type: 'randomise', block: W1, seed: 5 }]);
    const b = run([{ type: 'randomise', block: W1, seed: 5 }]);
    expect(a.net).toEqual(b.net);
    expect(a.typed.size).toBe(0);
    expect(a.net.W[1]).toEqual(original().W[1]);
    expect(a.net.W[0]).not.toEqual(original().W[0]);
  });

  it('changes the activation, and loads a whole network (reset)', () => {
    expect(run([{ type: 'activation', name: 'relu' }]).net.activation).toBe('relu');
    const reset = run([{ type: 'widths', text: '5, 1' }, { type: 'entry', block: X0, i: 0, j: 0, text: '?' }, { type: 'load', spec: original() }]);
    expect(reset).toEqual(draftFromNet(original()));
  });
});

describe('readDraft', () => {
  it('names every bad field and gives no network to apply', () => {
    const reading = readDraft(
      run([
        { type: 'widths', text: '2, 3.5, 1' },
        { type: 'entry', block: X0, i: 0, j: 0, text: '0,5' },
        { type: 'entry', block: W1, i: 1, j: 0, text: '' },
        { type: 'blockText', block: beta2, text: 'NaN' },
      ]),
    );
    expect(reading.spec).toBeNull();
    expect(reading.problems).toEqual([
      { field: 'widths', message: 'Width 2 is 3.5: widths are whole numbers' },
      { field: 'X0[0]', message: 'X0 entry 1: "0,5" has a decimal comma: write 0.5' },
      { field: 'W1[1][0]', message: 'W1 row 2 column 1 is empty: type a number' },
      { field: 'beta2', message: 'beta2 entry 1: "NaN" is not allowed, entries must be finite numbers' },
    ]);
  });

  it('accepts -0 as 0', () => {
    const reading = readDraft(run([{ type: 'entry', block: X0, i: 0, j: 0, text: '-0' }]));
    expect(reading.problems).toEqual([]);
    expect(Object.is(reading.spec?.X0[0], 0)).toBe(true);
  });

  it('names an undefined loss: ReLU with an output of exactly 0', () => {
    // By hand: z_1 = W_1 X_0 + beta_1 = (0, -0.75, 2.25), so X_1 = (0, 0, 2.25); with W_2 = (-1.5, 0.2, -0.5)
    // z_2 = -1.125 + 1 = -0.125 and X_2 = relu(z_2) = 0: log X_2 is undefined.
    const reading = readDraft(run([{ type: 'activation', name: 'relu' }, { type: 'entry', block: W2, i: 0, j: 2, text: '-0.5' }]));
    expect(reading.problems).toEqual([]);
    expect(reading.lossProblem).toBe('log(X_K) is undefined: X_2[0] = 0');
  });

  it('warns when the dense method would be slow, and still gives the network', () => {
    const reading = readDraft(run([{ type: 'widths', text: '256, 256, 1' }]));
    expect(reading.spec?.widths).toEqual([256, 256, 1]);
    expect(reading.slowWarning).toContain('per gradient');
  });
});

/** Any sequence of panel actions on a small network: typed numbers (good and bad), widths, activations, text. */
const actionArb: fc.Arbitrary<ParamsAction> = fc.oneof(
  fc.record({ type: fc.constant('widths' as const), text: fc.constantFrom('2, 3, 1', '3, 1', '1, 4, 2, 1', '2, 0, 1', '2 2 2', 'x') }),
  fc.record({ type: fc.constant('activation' as const), name: fc.constantFrom<ActivationName>('sigmoid', 'tanh', 'relu', 'leakyRelu') }),
  fc.record({
    type: fc.constant('entry' as const),
    block: fc.constantFrom(X0, W1, beta1, W2, beta2),
    i: fc.nat(2),
    j: fc.nat(1),
    text: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }).map(String), fc.constantFrom('abc', '', '0,5', '-0', '1e400')),
  }),
  fc.record({ type: fc.constant('blockText' as const), block: fc.constantFrom(W2, beta1), text: fc.constantFrom('1, 2, 3', '1, 2', 'a') }),
  fc.record({ type: fc.constant('randomise' as const), block: fc.constantFrom(W1, W2), seed: fc.nat() }),
);

/** Applies an action unless it is for a field the panel does not show at the current widths. */
function asThePanelWould(draft: ParamsDraft, action: ParamsAction): ParamsDraft {
  if (!('block' in action)) return paramsReducer(draft, action);
  const { block } = action;
  const shown = blocksOf(draft.net.widths).some((b) => b.name === block.name && b.rows === block.rows && b.cols === block.cols);
  const inside = !('i' in action) || (action.i < block.rows && action.j < block.cols);
  return shown && inside ? paramsReducer(draft, action) : draft;
}

describe('readDraft on any sequence of edits', () => {
  it('gives a network only when validateNetSpec accepts it as it is (the draft is valid by construction)', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 12 }), (actions) => {
        const draft = actions.reduce(asThePanelWould, draftFromNet(original()));
        const reading = readDraft(draft);
        if (reading.spec) expect(validateNetSpec(reading.spec)).toEqual(reading.spec);
        else expect(reading.problems.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('lossProblemOf', () => {
  it("agrees with core's forward pass on random networks, defined or not", () => {
    const rng = mulberry32(7);
    const seen = { defined: 0, undefined: 0 };
    for (const activation of ['sigmoid', 'tanh', 'relu', 'leakyRelu'] as const) {
      for (const widths of [[2, 3, 1], [4, 5, 3], [3, 1]]) {
        const spec = randomNet(widths, activation, rng);
        spec.beta[spec.beta.length - 1] = spec.beta[spec.beta.length - 1].map(() => 4 * rng() - 3);
        let expected: string | null = null;
        try {
          forward(spec);
        } catch (error) {
          if (!(error instanceof LossUndefinedError)) throw error;
          expected = error.message;
        }
        expect(lossProblemOf(spec)).toBe(expected);
        seen[expected === null ? 'defined' : 'undefined'] += 1;
      }
    }
    expect(seen.defined).toBeGreaterThan(0);
    expect(seen.undefined).toBeGreaterThan(0);
  });

  it('is null for the original network (sigmoid outputs are always positive)', () => {
    expect(lossProblemOf(original())).toBeNull();
  });
  it('names a negative tanh output', () => {
    // z_2 = -1.5 * tanh(0) + 0.2 * tanh(-0.75) + 0.5 * tanh(2.25) - 5 < 0, so X_2 = tanh(z_2) < 0.
    const net = { ...original(), activation: 'tanh' as const, beta: [original().beta[0], [-5]] };
    expect(lossProblemOf(net)).toMatch(/^log\(X_K\) is undefined: X_2\[0\] = -0\.99/);
  });
});

describe('paramsReducer, generalised', () => {
  it('makes X0 a batch of B columns (the first one the sample it had), and one flat sample again at 1', () => {
    const batched = run([{ type: 'batch', text: '3' }]);
    expect(batched.net.X0).toHaveLength(2);
    expect((batched.net.X0 as number[][]).map((row) => row[0])).toEqual(original().X0);
    expect((batched.net.X0 as number[][])[0]).toHaveLength(3);
    expect(batched.batchText).toBe('3');
    expect(readDraft(batched).spec).toBe(batched.net);
    const back = run([{ type: 'batch', text: '1' }], batched);
    expect(back.net.X0).toEqual(original().X0);
  });

  it('keeps a bad batch size as typed, names it, and keeps the last valid batch', () => {
    const bad = run([{ type: 'batch', text: '2' }, { type: 'batch', text: '0' }]);
    expect(bad.batchText).toBe('0');
    expect((bad.net.X0 as number[][])[0]).toHaveLength(2);
    expect(readDraft(bad).problems).toEqual([{ field: 'batch', message: 'Batch size is 0: a batch is a whole number of samples, at least 1' }]);
  });

  it('gives mse and bce a target Y of X_K\'s shape (zeros), and log takes it away', () => {
    const mse = run([{ type: 'batch', text: '2' }, { type: 'loss', name: 'mse' }]);
    expect(mse.net).toMatchObject({ loss: 'mse', Y: [[0, 0]] });
    expect(blocksOf(mse.net.widths, 2, true).map((b) => b.name)).toContain('Y');
    const log = run([{ type: 'loss', name: 'log' }], mse);
    expect(log.net.loss).toBeUndefined();
    expect(log.net.Y).toBeUndefined();
  });

  it('names a bce target outside [0, 1] at its field', () => {
    const [Y] = blocksOf([2, 3, 1], 0, true).filter((b) => b.kind === 'Y');
    const draft = run([{ type: 'loss', name: 'bce' }, { type: 'entry', block: Y, i: 0, j: 0, text: '1.5' }]);
    expect(readDraft(draft).problems).toEqual([{ field: 'Y[0]', message: 'Y entry 1: 1.5 is outside [0, 1]: a bce target is a probability' }]);
    expect(readDraft(draft).spec).toBeNull();
  });

  it("sets one layer's activation (a list of names, one per layer), and one name for all again", () => {
    const mixed = run([{ type: 'activation', name: 'relu', layer: 1 }]);
    expect(mixed.net.activation).toEqual(['relu', 'sigmoid']);
    const same = run([{ type: 'activation', name: 'relu', layer: 2 }], mixed);
    expect(same.net.activation).toEqual(['relu', 'relu']);
    const all = run([{ type: 'activation', name: 'tanh' }], mixed);
    expect(all.net.activation).toBe('tanh');
    expect(run([{ type: 'perLayer' }]).net.activation).toEqual(['sigmoid', 'sigmoid']);
  });

  it('checks the loss of a batch: the sample that breaks it is named by row and column', () => {
    // ReLU output with W2 = (-1.5, 0.2, -0.5), as above: the original sample's X_2 = 0. A second
    // sample X0 = (0, 0): X_1 = relu(beta1) = (0, 0, 2), z_2 = -1 + 1 = 0, X_2 = 0 too; the first is named.
    const [, , , W2] = blocksOf([2, 3, 1]);
    const draft = run([
      { type: 'activation', name: 'relu' },
      { type: 'entry', block: W2, i: 0, j: 2, text: '-0.5' },
      { type: 'batch', text: '2' },
    ]);
    const [X0b] = blocksOf([2, 3, 1], 2);
    const zeroed = run([{ type: 'entry', block: X0b, i: 0, j: 1, text: '0' }, { type: 'entry', block: X0b, i: 1, j: 1, text: '0' }], draft);
    expect(readDraft(zeroed).lossProblem).toBe('log(X_K) is undefined: X_2[0][0] = 0');
  });
});
