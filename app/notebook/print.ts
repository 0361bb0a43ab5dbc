// Printing: Plotly draws SVGs of a fixed pixel size; for the print they scale to the page's width, then go back.
import './print.css';

const scaledMark = 'data-print-viewbox';

/** Gives every Plotly SVG under `root` a viewBox of its drawn size, so print.css can scale it to any page width. */
export function fitPlotsForPrint(root: ParentNode = document): void {
  for (const container of root.querySelectorAll<HTMLElement>('.out-plot .svg-container')) {
    const svgs = [...container.querySelectorAll<SVGSVGElement>('svg.main-svg')];
    const widthPx = Number(svgs[0]?.getAttribute('width'));
    const heightPx = Number(svgs[0]?.getAttribute('height'));
    if (!(widthPx > 0 && heightPx > 0)) continue;
    container.style.setProperty('--print-aspect', `${widthPx} / ${heightPx}`);
    for (const svg of svgs) {
      if (svg.hasAttribute('viewBox')) continue;
      svg.setAttribute('viewBox', `0 0 ${widthPx} ${heightPx}`);
      svg.setAttribute(scaledMark, '');
    }
  }
}

/** Takes the viewBoxes away again: on screen Plotly resizes by width and height, which a stale viewBox would distort. */
export function unfitPlotsAfterPrint(root: ParentNode = document): void {
  for (const svg of root.querySelectorAll(`svg[${scaledMark}]`)) {
    svg.removeAttribute('viewBox');
    svg.removeAttribute(scaledMark);
  }
}

// `beforeprint` fires for the browser's Print and for headless PDF output alike.
window.addEventListener('beforeprint', () => fitPlotsForPrint());
window.addEventListener('afterprint', () => unfitPlotsAfterPrint());
