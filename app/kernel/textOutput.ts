// Outputs as plain text, for a terminal (`npm run notebook`): matrices as NumPy prints them, tables aligned.
import { formatNumpy } from '../core/numpyFormat';
import type { BackpropView, Output, TableCell } from './protocol';

const cellText = (v: TableCell): string => (v === null ? '' : typeof v === 'number' ? String(v) : v);

/** Columns padded to their widest entry (numbers right-aligned), a rule under the header. */
export function tableAsText(columns: readonly string[], rows: readonly (readonly TableCell[])[], rowOk?: readonly (boolean | null)[]): string {
  const marks = rowOk ? rows.map((_, i) => (rowOk[i] === true ? 'ok' : rowOk[i] === false ? 'FAIL' : '')) : null;
  const header = marks ? [...columns, ''] : [...columns];
  // Multi-line entries (a matrix printed in a cell) are flattened: a terminal row is one line.
  const body = rows.map((r, i) => [...r.map((v) => cellText(v).replace(/\n\s*/g, ' ')), ...(marks ? [marks[i]] : [])]);
  const widths = header.map((h, j) => Math.max(h.length, ...body.map((r) => (r[j] ?? '').length)));
  const numeric = header.map((_, j) => rows.length > 0 && rows.every((r) => typeof r[j] === 'number'));
  const line = (cells: readonly string[]): string =>
    cells.map((c, j) => (numeric[j] ? c.padStart(widths[j]) : c.padEnd(widths[j]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n') + '\n';
}

const plotTitle = (layout: Record<string, unknown> | undefined): string => {
  const title = layout?.title;
  if (typeof title === 'string') return title;
  if (typeof title === 'object' && title !== null && typeof (title as { text?: unknown }).text === 'string') return (title as { text: string }).text;
  return 'untitled';
};

/**
 * The step-through view on paper: its final state (every gradient it reached) and the list of its
 * steps, each with its formula the dense way (the derivation's) as display TeX.
 */
export function backpropAsText(view: BackpropView): string {
  const last = view.steps.length - 1;
  const head = `[backprop: widths ${view.spec.widths.join('-')}, ${view.spec.activation}: the forward pass, then ${last} steps of the chain rule]`;
  const steps = view.steps.map((s, i) => `Step ${i} of ${last}: ${s.title.dense}\n$$ ${s.tex.dense} $$`);
  // The final state: every dl/dX_k the steps carried back (the view's diagram at its last step).
  const carried = new Map(view.steps.flatMap((s) => (s.carried ? [[s.carried.layer, s.carried.values] as const] : [])));
  const final = [...carried].sort(([a], [b]) => b - a).map(([k, v]) => `dl/dX${k} = [${v.map((x) => Number(x.toPrecision(4))).join(', ')}]`);
  return [head, ...(view.note ? [view.note] : []), ...steps, `Final state: ${final.join('; ')}`].join('\n') + '\n';
}

const withNewline = (text: string): string => (text.endsWith('\n') || text === '' ? text : text + '\n');

/** One output as a terminal shows it (ends with a newline unless empty). */
export function outputAsText(output: Output): string {
  switch (output.kind) {
    case 'text':
      return withNewline(output.text);
    case 'matrix': {
      const cols = output.rows[0]?.length ?? 0;
      const printed = formatNumpy(output.rows.flat(), output.rows.length, cols, 2);
      return withNewline(output.label ? `${output.label} = ${printed.replace(/\n/g, '\n' + ' '.repeat(output.label.length + 3))}` : printed);
    }
    case 'latex':
      return withNewline(output.display ? `$$ ${output.tex} $$` : `$${output.tex}$`);
    case 'markdown':
      return withNewline(output.source);
    case 'plot':
      return `[plot: ${plotTitle(output.figure.layout)}]\n`;
    case 'table':
      return (output.caption ? `${output.caption}\n` : '') + tableAsText(output.columns, output.rows, output.rowOk);
    case 'network':
      return `[network: widths ${output.spec.widths.join('-')}, ${output.spec.activation}${output.grads ? ', with gradients' : ''}]\n`;
    case 'backprop':
      return backpropAsText(output.view);
    case 'progress':
      return `[${output.label}: ${output.done}/${output.total} ${output.state}]\n`;
    case 'error': {
      const where = output.line === undefined ? '' : `\n  at line ${output.line}${output.column === undefined ? '' : `, column ${output.column}`}${output.source ? `: ${output.source.trim()}` : ''}`;
      return `${output.name}: ${output.message}${where}\n`;
    }
    default: {
      const never: never = output;
      return `[unknown output ${JSON.stringify(never)}]\n`;
    }
  }
}
