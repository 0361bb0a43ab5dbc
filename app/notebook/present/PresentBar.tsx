// The presentation's control bar: previous/next, the counter and the slide's part, the title, Run all, size, code, contrast, full screen, leave.
import type { Ref } from 'react';
import { MoreMenu } from '../toolbar/MoreMenu';
import { ToolbarButton } from '../toolbar/ToolbarButton';
import type { PresentCommand } from './presentKeys';

export interface PresentBarProps {
  ref: Ref<HTMLDivElement>;
  /** 0-based slide shown, of `count`. */
  at: number;
  count: number;
  /** The shown slide's steps (a long slide shows its blocks over several PageDowns). */
  step: { at: number; count: number };
  title: string;
  scale: number;
  hideCode: boolean;
  highContrast: boolean;
  fullscreen: boolean;
  /** A slide number being typed (then Enter), shown so the presenter sees it. */
  typed: string;
  presenter: boolean;
  /** A phone's width: the bar keeps moving and Leave, the rest folds into More (as the notebook's toolbar does). */
  compact: boolean;
  onCommand(command: PresentCommand): void;
}

export function PresentBar({ ref, at, count, step, title, scale, hideCode, highContrast, fullscreen, typed, presenter, compact, onCommand }: PresentBarProps) {
  const counter = `${count === 0 ? 0 : at + 1} / ${count}`;
  const percent = `${Math.round(scale * 100)}%`;
  return (
    <div className={`present-bar${compact ? ' present-bar-compact' : ''}`} role="group" aria-label="Presentation" tabIndex={-1} ref={ref}>
      <button type="button" className="btn present-nav" onClick={() => onCommand('previous')} disabled={at === 0} aria-label="Previous slide" title="Previous slide (←, Page Up)">
        <span aria-hidden="true">‹</span>
      </button>
      <span className="present-counter" data-testid="slide-counter" aria-label={`Slide ${counter.replace(' / ', ' of ')}`}>
        {counter}
      </span>
      <button type="button" className="btn present-nav" onClick={() => onCommand('next')} disabled={at >= count - 1} aria-label="Next slide" title="Next slide (→, Page Down, Space)">
        <span aria-hidden="true">›</span>
      </button>
      {typed !== '' && (
        <span className="present-typed" data-testid="slide-typed">
          {`go to ${typed}…`}
        </span>
      )}
      {step.count > 1 && (
        <span className="present-step" data-testid="slide-step" title="This slide shows in parts: Page Down shows the next part before the next slide">
          {`part ${step.at + 1} of ${step.count}`}
        </span>
      )}
      <span className="present-title" aria-hidden="true">
        {title}
      </span>
      <MoreMenu compact={compact}>
        <ToolbarButton className="btn btn-small" onClick={() => onCommand('runAll')} title="Run every code cell of the notebook (R)">
          <span aria-hidden="true">▶▶ </span>Run all
        </ToolbarButton>
        <ToolbarButton className="btn btn-small" onClick={() => onCommand('scaleDown')} aria-label={compact ? undefined : 'Smaller'} title="Everything on the slide smaller (−)">
          {compact ? `Smaller (now ${percent})` : 'A−'}
        </ToolbarButton>
        {/* In the menu the buttons say the size: a menu holds items only. */}
        {!compact && (
          <span className="present-scale" data-testid="slide-scale">
            {percent}
          </span>
        )}
        <ToolbarButton className="btn btn-small" onClick={() => onCommand('scaleUp')} aria-label={compact ? undefined : 'Larger'} title="Everything on the slide larger (+)">
          {compact ? `Larger (now ${percent})` : 'A+'}
        </ToolbarButton>
        <ToolbarButton className="btn btn-small" aria-pressed={hideCode} onClick={() => onCommand('toggleCode')} title="Hide or show the code; outputs stay (H)">
          Hide code
        </ToolbarButton>
        <ToolbarButton className="btn btn-small" aria-pressed={highContrast} onClick={() => onCommand('toggleContrast')} title="High-contrast colours for a projector (C)">
          High contrast
        </ToolbarButton>
        {!presenter && (
          <ToolbarButton className="btn btn-small" onClick={() => onCommand('presenterView')} title="Notes, next slide and a timer in a second window (V)">
            Presenter view
          </ToolbarButton>
        )}
        <ToolbarButton className="btn btn-small" aria-pressed={fullscreen} onClick={() => onCommand('fullscreen')} title="Full screen (F)">
          Full screen
        </ToolbarButton>
      </MoreMenu>
      <button type="button" className="btn btn-small" onClick={() => onCommand('leave')} title="Back to the notebook, at this slide (Esc)">
        Leave
      </button>
    </div>
  );
}
