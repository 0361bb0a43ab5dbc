// A cell's outputs as Jupyter outputs (nbformat 4) and as plain text: data only, never HTML (the diagram's SVG is built from numbers and escaped text).
import type { Output } from '../../kernel/protocol';
import { outputAsText } from '../../kernel/textOutput';
import { matrixToTex } from '../format';
import { networkToSvg, tableToGfm } from './exportRich';

/** One nbformat 4 output object. */
export type NbOutput = Record<string, unknown>;

/** Jupyter's multiline string: a list of lines, each but the last ending with its newline. */
export function nbLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n').map((line, i, all) => (i < all.length - 1 ? `${line}\n` : line));
  return lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines;
}

const displayData = (data: Record<string, unknown>): NbOutput => ({ output_type: 'display_data', data, metadata: {} });

const plain = (output: Output): string[] => nbLines(outputAsText(output));

/**
 * nbformat 4 for one output. A bare `text` is the cell's last value (execute_result); printed text
 * is a stream; rich kinds carry a text/plain rendering next to their own type, so any reader shows something.
 */
export function ipynbOutput(output: Output, execCount: number | null): NbOutput {
  switch (output.kind) {
    case 'text':
      if (output.stream) return { output_type: 'stream', name: output.stream, text: nbLines(output.text) };
      return { output_type: 'execute_result', execution_count: execCount, data: { 'text/plain': nbLines(output.text) }, metadata: {} };
    case 'matrix': {
      const tex = `${output.label ? `${output.label} = ` : ''}${matrixToTex(output.rows)}`;
      return displayData({ 'text/plain': plain(output), 'text/latex': nbLines(`$$${tex}$$`) });
    }
    case 'latex':
      return displayData({ 'text/plain': nbLines(output.tex), 'text/latex': nbLines(output.display ? `$$${output.tex}$$` : `$${output.tex}$`) });
    case 'markdown':
      return displayData({ 'text/plain': nbLines(output.source), 'text/markdown': nbLines(output.source) });
    case 'plot':
      // Plotly's MIME type: JupyterLab and VS Code draw the figure from the same data the page used.
      return displayData({ 'application/vnd.plotly.v1+json': { data: output.figure.data, layout: output.figure.layout ?? {} }, 'text/plain': plain(output) });
    case 'backprop': {
      const last = output.view.steps.length - 1;
      const steps = output.view.steps.map((s, i) => `**Step ${i} of ${last}.** ${s.title.dense}\n\n$$${s.tex.dense}$$`);
      return displayData({ 'text/plain': plain(output), 'text/markdown': nbLines([...(output.view.note ? [output.view.note] : []), ...steps].join('\n\n')) });
    }
    case 'table':
      // GitHub-flavoured Markdown keeps the columns aligned in any reader; text/plain stays for the rest.
      return displayData({ 'text/markdown': nbLines(tableToGfm(output.columns, output.rows, output.caption)), 'text/plain': plain(output) });
    case 'network':
      return displayData({ 'image/svg+xml': nbLines(networkToSvg(output.spec, output.X, output.grads)), 'text/plain': plain(output) });
    case 'progress':
      return displayData({ 'text/plain': plain(output) });
    case 'error':
      return { output_type: 'error', ename: output.name, evalue: output.message, traceback: outputAsText(output).trimEnd().split('\n') };
    default: {
      const never: never = output;
      throw new Error(`export: unknown output ${JSON.stringify(never)}`);
    }
  }
}

/** A label for an output block in the Markdown export: `output stdout`, `output error`, `output plot`... */
export function outputLabel(output: Output): string {
  return output.kind === 'text' ? (output.stream ?? 'result') : output.kind;
}
