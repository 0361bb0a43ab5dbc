// The network as an SVG: nodes per layer with their values, weights as edges (sign and size), gradients.
import type { Gradients, SampleNetSpec as NetSpec } from '../core/types';
import { layoutNetwork, nodeRadiusPx } from './networkLayout';

export function NetworkDiagram({ spec, X, grads }: { spec: NetSpec; X?: number[][]; grads?: Gradients }) {
  const view = layoutNetwork(spec, X, grads);
  return (
    <figure className="out-network">
      <div className="network-scroll">
        <svg
          viewBox={`0 0 ${view.widthPx} ${view.heightPx}`}
          width={view.widthPx}
          height={view.heightPx}
          role="img"
          aria-label={view.summary}
          className="network-svg"
        >
          <title>{view.summary}</title>
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
              className={e.negative ? 'net-edge net-edge-neg' : 'net-edge net-edge-pos'}
            >
              <title>{e.title}</title>
            </line>
          ))}
          {view.nodes.map((n) => (
            <g key={`${n.layer}-${n.index ?? 'more'}`} className={n.index === null ? 'net-node net-more' : 'net-node'}>
              <title>{n.title}</title>
              <circle cx={n.x} cy={n.y} r={nodeRadiusPx} />
              <text x={n.x} y={n.y} textAnchor="middle" dominantBaseline="central" className="net-value">
                {n.text}
              </text>
              {n.gradText !== undefined && (
                <text x={n.x} y={n.y + nodeRadiusPx + 12} textAnchor="middle" className="net-grad">
                  ∂l/∂X {n.gradText}
                </text>
              )}
            </g>
          ))}
        </svg>
      </div>
      <figcaption className="net-legend">
        <span className="legend-pos">── positive weight</span> <span className="legend-neg">- - negative weight</span>{' '}
        <span>thicker = larger |w|; hover for values{grads ? '; under each node: ∂l/∂X' : ''}</span>
      </figcaption>
    </figure>
  );
}
