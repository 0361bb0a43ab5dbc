// A foreign cell's saved Jupyter outputs, read into plain data the page can show safely (never HTML, images as data URLs).

/** One saved output as the page shows it. */
export type JupyterOutput =
  | { kind: 'stream'; name: 'stdout' | 'stderr'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'markdown'; source: string }
  | { kind: 'latex'; tex: string; display: boolean }
  | { kind: 'image'; mime: ImageMime; url: string }
  | { kind: 'error'; name: string; message: string; traceback: string }
  /** A bundle with nothing we can show safely (HTML, widgets, JavaScript): said, not rendered. */
  | { kind: 'unshown'; mimes: string[] };

type ImageMime = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/svg+xml';

/** An image larger than this (as text in the file) is not put on the page; the file keeps it. */
export const maxImageChars = 2 * 1024 * 1024;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** nbformat's multiline string: a string or a list of strings; anything else is not text. */
export function multiline(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((s) => typeof s === 'string')) return value.join('');
  return null;
}

// Colours and cursor moves of IPython's tracebacks: shown as plain text, their escapes would be noise.
// eslint-disable-next-line no-control-regex
const ansiEscape = /\u001b\[[0-9;?]*[A-Za-z]/g;
export const stripAnsi = (text: string): string => text.replace(ansiEscape, '');

const base64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A data URL for a base64 image, or null when the text is not base64 or too large to show. */
function base64Image(mime: ImageMime, value: unknown): JupyterOutput | null {
  const text = multiline(value)?.replace(/\s+/g, '');
  if (!text || text.length > maxImageChars || !base64.test(text)) return null;
  return { kind: 'image', mime, url: `data:${mime};base64,${text}` };
}

/** SVG goes into an <img> as a data URL: an image document runs no script and loads nothing. */
function svgImage(value: unknown): JupyterOutput | null {
  const text = multiline(value);
  if (!text || text.length > maxImageChars) return null;
  return { kind: 'image', mime: 'image/svg+xml', url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}` };
}

/** `$$x$$` is display maths, `$x$` inline; LaTeX without delimiters (an equation environment) is shown as display. */
export function latexOf(text: string): { tex: string; display: boolean } {
  const t = text.trim();
  if (t.length > 4 && t.startsWith('$$') && t.endsWith('$$')) return { tex: t.slice(2, -2).trim(), display: true };
  if (t.length > 2 && t.startsWith('$') && t.endsWith('$')) return { tex: t.slice(1, -1).trim(), display: false };
  return { tex: t, display: true };
}

/** The richest representation of a mime bundle that the page can show safely (HTML and scripts never). */
function fromBundle(data: Record<string, unknown>): JupyterOutput {
  const image = (['image/png', 'image/jpeg', 'image/gif'] as const).map((m) => (m in data ? base64Image(m, data[m]) : null)).find(Boolean);
  if (image) return image;
  if ('image/svg+xml' in data) {
    const svg = svgImage(data['image/svg+xml']);
    if (svg) return svg;
  }
  const markdown = multiline(data['text/markdown']);
  if (markdown !== null) return { kind: 'markdown', source: markdown };
  const latex = multiline(data['text/latex']);
  if (latex !== null) return { kind: 'latex', ...latexOf(latex) };
  const plain = multiline(data['text/plain']);
  if (plain !== null) return { kind: 'text', text: plain };
  return { kind: 'unshown', mimes: Object.keys(data) };
}

/** One nbformat output; anything malformed is said as unshown, never thrown. */
export function readJupyterOutput(raw: unknown): JupyterOutput {
  if (!isRecord(raw)) return { kind: 'unshown', mimes: [] };
  switch (raw.output_type) {
    case 'stream': {
      const text = multiline(raw.text) ?? '';
      return { kind: 'stream', name: raw.name === 'stderr' ? 'stderr' : 'stdout', text };
    }
    case 'display_data':
    case 'execute_result':
      return isRecord(raw.data) ? fromBundle(raw.data) : { kind: 'unshown', mimes: [] };
    case 'error': {
      const traceback = Array.isArray(raw.traceback) ? raw.traceback.filter((l) => typeof l === 'string').join('\n') : '';
      return { kind: 'error', name: String(raw.ename ?? 'Error'), message: String(raw.evalue ?? ''), traceback: stripAnsi(traceback) };
    }
    default:
      return { kind: 'unshown', mimes: [] };
  }
}

/** The saved outputs of a foreign code cell (`raw.outputs`), in order. */
export function readJupyterOutputs(raw: Record<string, unknown>): JupyterOutput[] {
  return Array.isArray(raw.outputs) ? raw.outputs.map(readJupyterOutput) : [];
}

/** An output as plain text, for the Markdown export. */
export function jupyterOutputText(output: JupyterOutput): string {
  switch (output.kind) {
    case 'stream':
    case 'text':
      return output.text;
    case 'markdown':
      return output.source;
    case 'latex':
      return output.tex;
    case 'image':
      return `[${output.mime} image]`;
    case 'error':
      return output.traceback || `${output.name}: ${output.message}`;
    case 'unshown':
      return `[output of type ${output.mimes.join(', ') || 'unknown'}]`;
    default: {
      const never: never = output;
      throw new Error(`foreign outputs: unknown kind ${JSON.stringify(never)}`);
    }
  }
}
