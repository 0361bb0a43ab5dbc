// Rich outputs as files hold them: a table as GitHub-flavoured Markdown, the network diagram as a standalone SVG.
import type { TableCell } from '../../kernel/protocol';
import type { Gradients } from '../../core/types';
import type { NetSpec } from '../networkLayout';
import { layoutNetwork, nodeRadiusPx } from '../networkLayout';

/** A table cell's text on one line: GFM cells cannot break lines, and a `|` would end the cell. */
function gfmCell(value: TableCell): string {
  const text = value === null ? '' : String(value);
  return text.replace(/\s*\n\s*/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').trim();
}

/** The table in GFM, its caption in bold above it; numbers right-aligned like the page's. */
export function tableToGfm(columns: readonly string[], rows: readonly TableCell[][], caption?: string): string {
  const numeric = columns.map((_, i) => rows.length > 0 && rows.every((r) => r[i] === null || typeof r[i] === 'number'));
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const lines = [
    line(columns.map(gfmCell)),
    line(columns.map((_, i) => (numeric[i] ? '---:' : '---'))),
    ...rows.map((r) => line(columns.map((_, i) => gfmCell(r[i] ?? null)))),
  ];
  return (caption ? `**${gfmCell(caption)}**\n\n` : '') + lines.join('\n') + '\n';
}

/** Text for XML: the five characters that could end a text node or an attribute escaped. */
function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const num = (x: number): string => (Number.isFinite(x) ? String(Math.round(x * 100) / 100) : '0');

/**
 * The network diagram the page draws, as SVG text with its colours inline (a reader has none of the
 * page's CSS). Built from numbers and escaped text only: no script, no link, no foreign reference.
 */
export function networkToSvg(spec: NetSpec, X?: number[][], grads?: Gradients): string {
  const view = layoutNetwork(spec, X, grads);
  const font = 'font-family="system-ui, sans-serif"';
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${num(view.widthPx)} ${num(view.heightPx)}" width="${num(view.widthPx)}" height="${num(view.heightPx)}" role="img" aria-label="${xml(view.summary)}">`,
    `<title>${xml(view.summary)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...view.layerTitles.map((t) => `<text x="${num(t.x)}" y="18" text-anchor="middle" ${font} font-size="12" fill="#57606a">${xml(t.text)}</text>`),
    ...view.edges.map(
      (e) =>
        `<line x1="${num(e.x1)}" y1="${num(e.y1)}" x2="${num(e.x2)}" y2="${num(e.y2)}" stroke-width="${num(e.strokePx)}" stroke-linecap="round" stroke="${e.negative ? '#cf222e' : '#0969da'}"${e.negative ? ' stroke-dasharray="5 3"' : ''}><title>${xml(e.title)}</title></line>`,
    ),
    ...view.nodes.map((n) =>
      [
        `<g><title>${xml(n.title)}</title>`,
        `<circle cx="${num(n.x)}" cy="${num(n.y)}" r="${nodeRadiusPx}" fill="#ffffff" stroke="${n.index === null ? '#57606a' : '#1f2328'}" stroke-width="1.5"${n.index === null ? ' stroke-dasharray="3 3"' : ''}/>`,
        `<text x="${num(n.x)}" y="${num(n.y)}" text-anchor="middle" dominant-baseline="central" ${font} font-size="11" fill="#1f2328">${xml(n.text)}</text>`,
        n.gradText === undefined ? '' : `<text x="${num(n.x)}" y="${num(n.y + nodeRadiusPx + 12)}" text-anchor="middle" ${font} font-size="10" fill="#57606a">∂l/∂X ${xml(n.gradText)}</text>`,
        '</g>',
      ].join(''),
    ),
    '</svg>',
  ];
  return parts.join('\n') + '\n';
}
