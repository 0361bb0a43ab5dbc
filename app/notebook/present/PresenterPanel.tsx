// The presenter's window: beside the slide, the time since the talk started, the next slide's title and this slide's notes.
import { useEffect, useState } from 'react';
import { speakerNotes } from './notes';
import { splitAtSlideBreaks, type Slide, type SlideSourceCell } from './slides';

/** The speaker notes of the text on `slide` (each part: the whole cell, or its segment). */
export function notesOfSlide(cells: readonly SlideSourceCell[], slide: Slide | undefined): string[] {
  if (!slide) return [];
  return slide.parts.flatMap((part) => {
    const cell = cells.find((c) => c.id === part.cellId);
    if (!cell || cell.type !== 'markdown') return [];
    const text = part.segment === undefined ? cell.source : (splitAtSlideBreaks(cell.source)[part.segment] ?? '');
    return speakerNotes(text);
  });
}

/** `m:ss`, or `h:mm:ss` past an hour. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const two = (n: number): string => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}

export interface PresenterPanelProps {
  cells: readonly SlideSourceCell[];
  slides: readonly Slide[];
  at: number;
  step: { at: number; count: number };
}

export function PresenterPanel({ cells, slides, at, step }: PresenterPanelProps) {
  const [startedMs, setStartedMs] = useState(() => Date.now());
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNowMs(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const notes = notesOfSlide(cells, slides[at]);
  const next = step.at < step.count - 1 ? `Part ${step.at + 2} of ${step.count} of this slide` : (slides[at + 1]?.title ?? 'The end');
  return (
    <aside className="presenter-panel" aria-label="Presenter view">
      <p className="presenter-timer">
        <span data-testid="presenter-timer">{clock((nowMs - startedMs) / 1000)}</span>{' '}
        <button type="button" className="btn btn-small" onClick={() => setStartedMs(Date.now())}>
          Restart timer
        </button>
      </p>
      <p className="presenter-where">
        Slide {at + 1} of {slides.length}
        {step.count > 1 ? `, part ${step.at + 1} of ${step.count}` : ''}
      </p>
      <p className="presenter-next">
        <strong>Next:</strong> <span data-testid="presenter-next">{next}</span>
      </p>
      <h2 className="presenter-notes-heading">Notes</h2>
      <div className="presenter-notes" data-testid="presenter-notes">
        {notes.length === 0 ? <p className="presenter-no-notes">No notes for this slide.</p> : notes.map((n, i) => <p key={i}>{n}</p>)}
      </div>
    </aside>
  );
}
