// The network as an SVG: nodes per layer with their values, weights as edges (sign and size), gradients.
import type { Gradients, SampleNetSpec as NetSpec } from '../core/types';
import { layoutNetwork, nodeRadiusPx, type EdgeView, type NetworkView, type NodeView } from './networkLayout';

/** What a caller may add to the drawing (the backprop view lights a step's nodes and edges). */
export interface NetworkSvgExtras {
  /** The SVG's accessible name; default the layout's summary. */
  label?: string;
  edgeClass?: (e: EdgeView) => string;
  nodeClass?: (n: NodeView) => string;
  /** The gradient under a node, if any (default: the layout's), and a class for it. */
  grad?: (n: NodeView) => { text: string; title: string; className?: string } | undefined;
}

const layoutGrad = (n: NodeView) => (n.gradText === undefined ? undefined : { text: n.gradText, title: n.title });

/** The drawing of a laid-out network, shared by the diagram and the step-through view. */
export function NetworkSvg({ view, label, edgeClass, nodeClass, grad = layoutGrad, className = 'network-svg' }: NetworkSvgExtras & { view: NetworkView; className?: string }) {
  return (
    <svg viewBox={`0 0 ${view.widthPx} ${view.heightPx}`} width={view.widthPx} height={view.heightPx} role="img" aria-label={label ?? view.summary} className={className}>
      <title>{label ?? view.summary}</title>
      {view.layerTitles.map((t) => (
        <text key={t.text} x={t.x} y={18} textAnchor="middle" className="net-layer-title">
          {t.text}
        </text>
      ))}
      {view.edges.map((e, i) => (
        <line
          key={i}
          x1={e.x1}
          y1={e.y1}
          x2={e.x2}
          y2={e.y2}
          strokeWidth={e.strokePx}
          data-layer={e.layer}
          className={`net-edge ${e.negative ? 'net-edge-neg' : 'net-edge-pos'}${edgeClass ? ` ${edgeClass(e)}` : ''}`}
        >
          <title>{e.title}</title>
        </line>
      ))}
      {view.nodes.map((n) => {
        const g = grad(n);
        return (
          <g key={`${n.layer}-${n.index ?? 'more'}`} data-layer={n.layer} className={`net-node${n.index === null ? ' net-more' : ''}${nodeClass ? ` ${nodeClass(n)}` : ''}`}>
            <title>{g?.title ?? n.title}</title>
            <circle cx={n.x} cy={n.y} r={nodeRadiusPx} />
            <text x={n.x} y={n.y} textAnchor="middle" dominantBaseline="central" className="net-value">
              {n.text}
            </text>
            {g !== undefined && (
              <text x={n.x} y={n.y + nodeRadiusPx + 12} textAnchor="middle" className={`net-grad${g.className ? ` ${g.className}` : ''}`}>
                ∂l/∂X {g.text}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

export function NetworkDiagram({ spec, X, grads }: { spec: NetSpec; X?: number[][]; grads?: Gradients }) {
  const view = layoutNetwork(spec, X, grads);
  return (
    <figure className="out-network">
      <div className="network-scroll">
        <NetworkSvg view={view} />
      </div>
      <figcaption className="net-legend">
        <span className="legend-pos">── positive weight</span> <span className="legend-neg">- - negative weight</span>{' '}
        <span>thicker = larger |w|; hover for values{grads ? '; under each node: ∂l/∂X' : ''}</span>
      </figcaption>
    </figure>
  );
}
