// Types for the part of plotly.js-basic-dist-min the notebook uses (the package ships none).
declare module 'plotly.js-basic-dist-min' {
  interface PlotlyStatic {
    react(el: HTMLElement, data: Record<string, unknown>[], layout?: Record<string, unknown>, config?: Record<string, unknown>): Promise<HTMLElement>;
    purge(el: HTMLElement): void;
  }
  const Plotly: PlotlyStatic;
  export default Plotly;
}
