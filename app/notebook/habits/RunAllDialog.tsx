// The question Run all asks when code waits for trust: trust it in its banner, or run the trusted cells that do not need it.
import { originPhrase } from '../cellState';
import { Modal } from '../Dialog';
import { listIds } from '../share/words';
import type { CellRef, RunAllPlan } from './runAllPlan';

type Ask = Extract<RunAllPlan, { kind: 'ask' }>;

/** Cells named (with their first line) before the rest are only counted: the question stays short. */
const namedCells = 3;
const namedNames = 4;

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

const quoted = (line: string): string => (line ? ` (“${line}”)` : '');

/** `cell 9 of 48 (“// The three…”)`, `cells 9 (“…”) and 12 (“…”) of 48`: as the student finds them, top to bottom. */
export function cellsWords(refs: readonly CellRef[], total: number): string {
  if (refs.length === 1) return `cell ${refs[0].position} of ${total}${quoted(refs[0].firstLine)}`;
  const shown = refs.slice(0, namedCells).map((r) => `${r.position}${quoted(r.firstLine)}`);
  const more = refs.length - shown.length;
  const list = listIds(more > 0 ? [...shown, `${more} more`] : shown);
  return `cells ${list} of ${total}`;
}

/** `a, b, c, d and 3 more`. */
function namesWords(names: readonly string[]): string {
  const more = names.length - namedNames;
  return listIds(more > 1 ? [...names.slice(0, namedNames), `${more} more`] : names);
}

/** What happens to the trusted cells if they run now: which are skipped and why, how many run. */
function runWords({ untrusted, skipped, names, direct, runnable }: Ask): string {
  const it = untrusted.length === 1 ? 'it' : 'them';
  const n = runnable.length;
  if (skipped.length === 0) {
    if (n === 0) return 'No trusted code cell is left to run.';
    return `No trusted cell needs a name from ${it}: ${n === 1 ? 'the trusted code cell' : `all ${n} trusted code cells`} can run now.`;
  }
  const indirect = skipped.length - direct;
  const why =
    `${plural(direct, 'cell')} ${direct === 1 ? 'uses' : 'use'} ${names.length === 1 ? 'a name' : 'names'} from ${it} (${namesWords(names)})` +
    (indirect > 0 ? ` and ${indirect} more ${indirect === 1 ? 'uses names' : 'use names'} from those` : '');
  return n === 0 ? `${why}: nothing else can run before you trust ${it}.` : `${why}: skipped; ${n === 1 ? 'the one other trusted code cell' : `the other ${n} trusted code cells`} can run now.`;
}

/** Words of the question; the buttons' names are what tests and screen readers find. */
export function runAllQuestion(plan: Ask): { title: string; body: string; runLabel: string | null } {
  const { untrusted, origins, skipped, runnable, total } = plan;
  const one = untrusted.length === 1;
  const where = cellsWords(untrusted, total);
  const from = listIds(origins.map(originPhrase));
  return {
    title: `${one ? 'A cell is' : `${untrusted.length} cells are`} not trusted yet`,
    body:
      `${where.charAt(0).toUpperCase()}${where.slice(1)} ${one ? 'holds' : 'hold'} code from ${from} that runs only once you trust it ` +
      `in the banner at the top (Trust and run runs the whole notebook). ${runWords(plan)}`,
    runLabel:
      runnable.length === 0
        ? null
        : skipped.length === 0
          ? `Run the ${runnable.length === 1 ? 'trusted cell' : `${runnable.length} trusted cells`}`
          : `Run ${plural(runnable.length, 'cell')}, skip ${skipped.length}`,
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
                onRun(plan.runnable);
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
