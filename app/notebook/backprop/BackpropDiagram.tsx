// The network diagram at one step of the backward pass: the step's nodes and edges lit, the gradients known so far under the nodes.
import { useMemo } from 'react';
import type { BackpropView } from '../../kernel/protocol';
import { formatNumber } from '../format';
import { NetworkSvg } from '../NetworkDiagram';
import { layoutNetwork, type EdgeView, type NodeView } from '../networkLayout';
import { knownGradients } from './backpropState';

function describeLit(nodes: readonly number[], edges: number | null): string {
  const layers = nodes.map((k) => `the nodes of X${k}`).join(' and ');
  return edges === null ? layers : `${layers}, and the edges of W${edges}`;
}

export function BackpropDiagram({ view, at }: { view: BackpropView; at: number }) {
  // Closer than the plain diagram: the view fits a slide beside its formula, and a deep network's labels stay readable.
  const layout = useMemo(() => layoutNetwork({ ...view.spec, X0: view.X[0] }, view.X, undefined, { nodeGapPx: 60, layerGapPx: view.spec.widths.length > 3 ? 130 : 190 }), [view]);
  const step = view.steps[at];
  const known = knownGradients(view, at);
  const lit = new Set(step.nodes);
  const edgeClass = (e: EdgeView): string => (step.edges === null ? '' : step.edges === e.layer ? 'bp-on' : 'bp-off');
  const nodeClass = (n: NodeView): string => (at > 0 && lit.has(n.layer) ? 'bp-on' : '');
  const grad = (n: NodeView) => {
    const value = n.index === null ? undefined : known.get(n.layer)?.[n.index];
    if (value === undefined) return undefined;
    const className = n.layer === step.carried?.layer ? 'bp-carried' : undefined;
    return { text: formatNumber(value, 3), title: `${n.title}, dl/dX${n.layer}[${n.index}] = ${formatNumber(value)}`, className };
  };
  const label = `${layout.summary} ${at === 0 ? 'Every node shows its value.' : `Lit: ${describeLit(step.nodes, step.edges)}.`}`;
  return (
    <div className="bp-diagram network-scroll">
      <NetworkSvg view={layout} label={label} edgeClass={edgeClass} nodeClass={nodeClass} grad={grad} className="network-svg bp-svg" />
    </div>
  );
}
