// The question Run all asks when code waits for trust: trust it in its banner, or run only the trusted cells above it.
import { Modal } from '../Dialog';
import { listIds } from '../share/words';
import type { RunAllPlan } from './runAllPlan';

type Ask = Extract<RunAllPlan, { kind: 'ask' }>;

/** Words of the question; the buttons' names are what tests and screen readers find. */
export function runAllQuestion({ untrusted, before }: Ask): { title: string; body: string; runLabel: string | null } {
  const one = untrusted.length === 1;
  const first = untrusted[0];
  return {
    title: `${one ? 'A cell is' : `${untrusted.length} cells are`} not trusted yet`,
    body:
      `${listIds(untrusted)} came from a link or a file and won't run until you trust ${one ? 'it' : 'them'}; ` +
      `the cells after ${first} would fail on the names it defines. Trust ${one ? 'it' : 'them'} in the banner at the top ` +
      `(Trust and run runs the whole notebook)` +
      (before.length > 0 ? `, or run only the ${before.length === 1 ? 'trusted cell' : `${before.length} trusted cells`} above ${first}.` : '. No trusted code cell comes before it.'),
    runLabel: before.length > 0 ? `Run the ${before.length === 1 ? 'cell' : `${before.length} cells`} above ${first}` : null,
  };
}

/**
 * After the dialog has given the focus back: the banner in view, its Trust button focused when it
 * can be pressed (never its Discard button: an Enter by habit must not throw code away).
 */
function goToBanner(): void {
  requestAnimationFrame(() => {
    const banner = document.querySelector<HTMLElement>('.trust-banner');
    banner?.scrollIntoView({ block: 'center' });
    const trust = [...(banner?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find((b) => b.textContent?.startsWith('Trust') && !b.disabled);
    trust?.focus({ preventScroll: true });
  });
}

export function RunAllDialog({ plan, onRun, onDone }: { plan: Ask; onRun(ids: string[]): void; onDone(): void }) {
  const words = runAllQuestion(plan);
  return (
    <Modal
      title={words.title}
      onClose={onDone}
      className="run-all-ask"
      actions={
        <>
          <button type="button" className="btn" autoFocus onClick={onDone}>
            Cancel
          </button>
          {words.runLabel && (
            <button
              type="button"
              className="btn"
              onClick={() => {
                onDone();
                onRun(plan.before);
              }}
            >
              {words.runLabel}
            </button>
          )}
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              onDone();
              goToBanner();
            }}
          >
            Review and trust
          </button>
        </>
      }
    >
      <p>{words.body}</p>
    </Modal>
  );
}
