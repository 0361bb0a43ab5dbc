// The backward pass one factor at a time: the diagram lights what the step involves, the formula is
// typeset with its numbers, the code line is named; Previous/Next, keys, and a clicker while presenting.
import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { BackpropMode, BackpropView as View } from '../../kernel/protocol';
import { Tex } from '../richText';
import { BackpropDiagram } from './BackpropDiagram';
import { backpropViewProblem } from '../../kernel/backpropCheck';
import { stepActionForKey, stepReducer, type StepAction } from './backpropState';
import { registerSlideStepper } from '../present/steps';
import './backprop.css';

const modeLabels: Record<BackpropMode, string> = { dense: 'Dense Jacobians', vjp: 'Vector-Jacobian products' };

/** True while the page prints: the view then lists every step (see print.css and the README). */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(() => typeof window !== 'undefined' && window.matchMedia?.('print').matches === true);
  useEffect(() => {
    // flushSync: the list must be in the page before the browser lays it out for print.
    const before = (): void => flushSync(() => setPrinting(true));
    const after = (): void => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing;
}

/** The least a wide formula is scaled to; below it the formula scrolls (a very wide network, cut with dots anyway). */
const minFormulaScale = 0.6;

/**
 * Scales the step's formula down until it fits its column, so a slide shows it whole without a
 * scroll bar; measured again when the step, the way or the column's width changes.
 */
function useFitFormula(box: React.RefObject<HTMLElement | null>, key: string): void {
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const fit = (): void => {
      el.style.removeProperty('--bp-formula-scale');
      const tex = el.querySelector<HTMLElement>('.tex-display');
      if (!tex || tex.scrollWidth <= tex.clientWidth) return;
      const scale = Math.max(minFormulaScale, Math.floor((tex.clientWidth / tex.scrollWidth) * 100) / 100);
      el.style.setProperty('--bp-formula-scale', `${scale}em`);
    };
    fit();
    // Only a change of width refits: the fit itself changes the height.
    let widthPx = el.clientWidth;
    const observer = new ResizeObserver(() => {
      if (el.clientWidth === widthPx) return;
      widthPx = el.clientWidth;
      fit();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [box, key]);
}

function Steps({ view }: { view: View }) {
  const last = view.steps.length - 1;
  const [state, dispatch] = useReducer(stepReducer, { at: 0, count: view.steps.length, mode: 'dense' as BackpropMode });
  const printing = usePrinting();
  const root = useRef<HTMLElement>(null);
  const formula = useRef<HTMLDivElement>(null);
  // On paper: the final state (every gradient reached), then the list of steps.
  const at = printing ? last : Math.min(state.at, last);
  const step = view.steps[at];
  const { mode } = state;
  useFitFormula(formula, `${at} ${mode}`);

  // In a presentation, Next/Previous (a clicker's Page Down, the arrows) step this view before the slide turns (present/steps.ts).
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    return registerSlideStepper({
      element: el,
      step: (by) => {
        if (at + by < 0 || at + by > last) return false;
        dispatch({ type: by > 0 ? 'next' : 'previous' });
        return true;
      },
    });
  }, [at, last]);

  const onKeyDown = (e: React.KeyboardEvent): void => {
    // Taken already (a presentation steps the view itself, in the capture phase).
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
    const action = stepActionForKey(e.key);
    if (!action) return;
    e.preventDefault();
    e.stopPropagation();
    dispatch(action);
  };
  const press = (action: StepAction) => () => dispatch(action);

  return (
    <section
      className="bp-view"
      ref={root}
      // Focusable by a click anywhere in it (not by Tab: its buttons are), so the arrow keys then step it.
      tabIndex={-1}
      data-backprop-view=""
      data-step={at}
      data-mode={mode}
      aria-label="The backward pass, step by step"
      onKeyDown={onKeyDown}
    >
      <div className="bp-controls" role="toolbar" aria-label="Steps of the backward pass">
        <button type="button" className="btn btn-small" aria-disabled={at === 0} onClick={press({ type: 'previous' })}>
          Previous
        </button>
        <span className="bp-count" data-testid="backprop-count">
          Step {at} of {last}
        </span>
        <button type="button" className="btn btn-small" aria-disabled={at === last} onClick={press({ type: 'next' })}>
          Next
        </button>
        <span className="bp-modes" role="group" aria-label="Show each step as">
          {(['dense', 'vjp'] as const).map((m) => (
            <button key={m} type="button" className="btn btn-small bp-mode" aria-pressed={mode === m} onClick={press({ type: 'mode', mode: m })}>
              {modeLabels[m]}
            </button>
          ))}
        </span>
      </div>
      <p className="sr-only" role="status" aria-live="polite" data-testid="backprop-announcement">
        {`Step ${at} of ${last}: ${step.title[mode]}`}
      </p>
      {view.note && <p className="out-note">{view.note}</p>}
      <div className="bp-body">
        <BackpropDiagram view={view} at={at} />
        <div className="bp-formula" ref={formula}>
          <p className="bp-title">{step.title[mode]}</p>
          <Tex tex={step.tex[mode]} display />
        </div>
        <div className="bp-meta">
          <p className="bp-code">
            <span className="bp-where">Code ({step.code[mode].where}):</span> <code>{step.code[mode].line}</code>
          </p>
          {step.mults && (
            <p className="bp-cost" data-testid="backprop-cost">
              Multiplications: <strong>{step.mults.dense.toLocaleString('en')}</strong> dense, <strong>{step.mults.vjp.toLocaleString('en')}</strong> VJP
            </p>
          )}
        </div>
      </div>
      {printing && (
        <ol className="bp-print-steps" start={0}>
          {view.steps.map((s, i) => (
            <li key={i}>
              <p>{s.title.dense}</p>
              <Tex tex={s.tex.dense} display />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The view, or a message naming what is wrong with what the kernel sent. */
export default function BackpropView({ view }: { view: View }) {
  const problem = backpropViewProblem(view);
  if (problem) return <p className="out-error">display.backprop: this view cannot be shown: {problem}.</p>;
  // Keyed by the network's shape, so the step state never counts the steps of another view.
  return <Steps key={`${view.steps.length}:${view.spec.widths.join('-')}`} view={view} />;
}
