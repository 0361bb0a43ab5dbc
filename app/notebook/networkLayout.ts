// Where the network diagram draws its nodes and edges: pure geometry, wide layers summarised.
import { activationAt } from '../core/net';
import type { Gradients, NetSpec as AnyNetSpec } from '../core/types';

/** What the diagram draws: one sample's network (an activation per layer or one for all). */
export type NetSpec = Pick<AnyNetSpec, 'widths' | 'activation' | 'W' | 'beta'> & { X0: number[] };
import { formatNumber } from './format';

export interface NodeView {
  layer: number;
  /** Index in the layer, or null for the "+n more" mark standing for the hidden middle. */
  index: number | null;
  x: number;
  y: number;
  /** Shown in the node: its value X_k[i] if known (or `+n` for the summary mark). */
  text: string;
  /** Shown under the node when gradients are given: dl/dX_k[i]. */
  gradText?: string;
  /** The full story, for a tooltip and screen readers. */
  title: string;
}

export interface EdgeView {
  /** k: the edge is an entry of W_k, from X_{k-1} to X_k. */
  layer: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  weight: number;
  strokePx: number;
  negative: boolean;
  title: string;
}

export interface NetworkView {
  widthPx: number;
  heightPx: number;
  nodes: NodeView[];
  edges: EdgeView[];
  layerTitles: { x: number; text: string }[];
  /** One sentence describing the network, for the SVG's accessible description. */
  summary: string;
}

export interface LayoutOptions {
  maxShown: number;
  layerGapPx: number;
  nodeGapPx: number;
}

const defaults: LayoutOptions = { maxShown: 8, layerGapPx: 190, nodeGapPx: 66 };
export const nodeRadiusPx = 21;
const marginXPx = 70;
const marginTopPx = 44;
const marginBottomPx = 34;

/**
 * The indices a layer of `width` nodes shows: all of them up to `maxShown`, otherwise the first
 * ones, a null (the summary mark) and the last ones, `maxShown` slots in all.
 */
export function shownIndices(width: number, maxShown: number): (number | null)[] {
  if (width <= maxShown) return Array.from({ length: width }, (_, i) => i);
  const head = Math.ceil((maxShown - 1) / 2);
  const tail = maxShown - 1 - head;
  return [...Array.from({ length: head }, (_, i) => i), null, ...Array.from({ length: tail }, (_, i) => width - tail + i)];
}

/** Stroke width for weight `w` when the largest |weight| in the network is `maxAbs`: 0.75 px to 5 px. */
export function strokeFor(w: number, maxAbs: number): number {
  return maxAbs > 0 ? 0.75 + (4.25 * Math.abs(w)) / maxAbs : 0.75;
}

function layerName(k: number, K: number, spec: NetSpec): string {
  if (k === 0) return 'X0 (input)';
  const f = activationAt(spec, k);
  return k === K ? `X${k} (output, ${f})` : `X${k} (${f})`;
}

export function layoutNetwork(spec: NetSpec, X?: number[][], grads?: Gradients, options: Partial<LayoutOptions> = {}): NetworkView {
  const { maxShown, layerGapPx, nodeGapPx } = { ...defaults, ...options };
  const K = spec.widths.length - 1;
  const slots = spec.widths.map((w) => shownIndices(w, maxShown));
  const tallest = Math.max(1, ...slots.map((s) => s.length));
  const heightPx = marginTopPx + (tallest - 1) * nodeGapPx + 2 * nodeRadiusPx + marginBottomPx;
  const widthPx = 2 * marginXPx + K * layerGapPx;
  // Without the forward pass, only the input values are known.
  const values = X ?? [spec.X0];

  const columns: NodeView[][] = slots.map((indices, k) => {
    const x = marginXPx + k * layerGapPx;
    const top = marginTopPx + nodeRadiusPx + ((tallest - indices.length) * nodeGapPx) / 2;
    return indices.map((index, row): NodeView => {
      const y = top + row * nodeGapPx;
      if (index === null) {
        const hidden = spec.widths[k] - (indices.length - 1);
        return { layer: k, index, x, y, text: `+${hidden}`, title: `${hidden} more nodes of X${k} not drawn` };
      }
      const value = values[k]?.[index];
      const grad = grads?.dX[k]?.[index];
      const bias = k > 0 ? spec.beta[k - 1]?.[index] : undefined;
      const parts = [`X${k}[${index}]${value === undefined ? '' : ` = ${formatNumber(value)}`}`];
      if (bias !== undefined) parts.push(`beta${k}[${index}] = ${formatNumber(bias)}`);
      if (grad !== undefined) parts.push(`dl/dX${k}[${index}] = ${formatNumber(grad)}`);
      return {
        layer: k,
        index,
        x,
        y,
        // Without a forward pass the hidden values are unknown: an empty node, not a made-up number.
        text: value === undefined ? '' : formatNumber(value, 3),
        ...(grad === undefined ? {} : { gradText: formatNumber(grad, 3) }),
        title: parts.join(', '),
      };
    });
  });

  const maxAbs = Math.max(0, ...spec.W.flat(2).map(Math.abs));
  const edges: EdgeView[] = [];
  for (let k = 1; k <= K; k += 1) {
    for (const to of columns[k]) {
      for (const from of columns[k - 1]) {
        if (to.index === null || from.index === null) continue;
        const weight = spec.W[k - 1][to.index][from.index];
        const dW = grads?.dW[k - 1]?.[to.index]?.[from.index];
        const name = `W${k}[${to.index},${from.index}]`;
        edges.push({
          layer: k,
          x1: from.x + nodeRadiusPx,
          y1: from.y,
          x2: to.x - nodeRadiusPx,
          y2: to.y,
          weight,
          strokePx: strokeFor(weight, maxAbs),
          negative: weight < 0,
          title: `${name} = ${formatNumber(weight)}${dW === undefined ? '' : `, dl/d${name} = ${formatNumber(dW)}`}`,
        });
      }
    }
  }

  return {
    widthPx,
    heightPx,
    nodes: columns.flat(),
    edges,
    layerTitles: spec.widths.map((_, k) => ({ x: marginXPx + k * layerGapPx, text: layerName(k, K, spec) })),
    summary: `A network with layer widths ${spec.widths.join(', ')} and ${typeof spec.activation === 'string' ? spec.activation : spec.activation.join(', ')} activations${grads ? ', with the gradients of the loss under each node' : ''}.`,
  };
}
