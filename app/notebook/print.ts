// Printing: Plotly draws SVGs of a fixed pixel size; for the print they scale to the page's width, then go back.

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

const wholeMark = 'data-print-whole';

/**
 * A code cell about this tall on screen fits in half an A4 or Letter page: print.css keeps it on one
 * page. Taller ones may break between their source and outputs: kept whole, they would be pushed to
 * a new page and still break there, leaving most of a page blank.
 */
export const keepWholeBelowPx = 550;

/** Marks the code cells short enough to keep on one page (measured on screen, before the print layout). */
export function markWholeCells(root: ParentNode = document): void {
  for (const cell of root.querySelectorAll<HTMLElement>('.cell-code')) {
    cell.toggleAttribute(wholeMark, cell.getBoundingClientRect().height < keepWholeBelowPx);
  }
}

/**
 * Prepares the page for the browser's Print (all of `mounts` mounted first, so that nothing prints
 * as a placeholder) and puts it back after; returns the stop. `beforeprint` fires for the browser's
 * Print and for headless PDF output alike.
 */
export function listenForPrint(mounts: { mountAllNow(): number }, win: Window = window): () => void {
  const before = (): void => {
    mounts.mountAllNow();
    fitPlotsForPrint(win.document);
    markWholeCells(win.document);
  };
  const after = (): void => {
    unfitPlotsAfterPrint(win.document);
    for (const cell of win.document.querySelectorAll(`[${wholeMark}]`)) cell.removeAttribute(wholeMark);
  };
  win.addEventListener('beforeprint', before);
  win.addEventListener('afterprint', after);
  return () => {
    win.removeEventListener('beforeprint', before);
    win.removeEventListener('afterprint', after);
  };
}
