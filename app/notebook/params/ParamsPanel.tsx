// The parameters panel: the network the cells read as `params` (widths, activation, X0, W_k, beta_k), editable.
import { useId, useState, type KeyboardEvent } from 'react';
import { activationNames, activations } from '../../core/activations';
import { activationAt } from '../../core/net';
import { lossNames, originalNet } from '../../core/netspec';
import type { ActivationName, LossName, NetSpec } from '../../core/types';
import type { KernelHost } from '../../kernel/protocol';
import type { NotebookEvent, NotebookState } from '../notebookState';
import { batchOf, blockRows, blocksOfNet, entryKey, entryLabel, formatBlock, isMatrix, type Block } from './paramsBlocks';
import { useParamsController, type ParamsController } from './paramsController';
import type { RerunReport } from './paramsDeps';
import { entryText, formatWidths, type FieldProblem } from './paramsDraft';
import { linkNumbers, maxLinkNumbers, sameNet, type LinkNetwork } from './paramsHash';
import type { Runner } from '../runner';
import type { Store } from '../store';
import './paramsPanel.css';

/** Blocks up to this many rows and columns are a grid of fields; larger ones a summary and a text editor. */
export const gridLimit = 8;
/** Blocks with more numbers than this are too large to edit as text in a browser tab. */
export const textLimit = 65_536;

export interface ParamsPanelProps {
  host: KernelHost | null;
  store: Store<NotebookState, NotebookEvent>;
  runner: Runner | null;
  /** The page's link as read at start; the kernel already has its network. */
  link: LinkNetwork;
}

/** A DOM id for a field's message (entry keys hold brackets). */
const messageId = (base: string, field: string): string => `${base}-${field.replace(/[^\w-]/g, '_')}`;

/** What each loss is called in the panel, with its formula in words (lossTex in core has the TeX). */
const lossLabels: Record<LossName, string> = {
  log: 'log: sum of log X_K (the original)',
  mse: 'mse: mean of (X_K - Y)^2',
  bce: 'bce: binary cross-entropy with Y',
};

function describeNet(spec: NetSpec): string {
  const original = sameNet(spec, originalNet()) ? ' (the original network)' : '';
  const act = typeof spec.activation === 'string' ? activations[spec.activation].label : spec.activation.map((name) => activations[name].label).join(', ');
  const B = batchOf(spec);
  const batch = B > 0 ? `, a batch of ${B}` : '';
  const loss = (spec.loss ?? 'log') === 'log' ? '' : `, loss ${spec.loss}`;
  return `widths ${formatWidths(spec.widths)}, ${act}${batch}${loss}${original}`;
}

/** A field of the panel's first row (widths, batch size): typed text, its problem named below the row. */
function PanelField(props: { c: ParamsController; field: 'widths' | 'batch'; label: string; value: string; base: string; hint?: string; numeric?: boolean }) {
  const { c, field, base } = props;
  const problem = c.reading.problems.some((p) => p.field === field);
  return (
    <label className="params-field">
      <span>{props.label}</span>
      <input
        type="text"
        inputMode={props.numeric ? 'numeric' : undefined}
        className={`params-${field}`}
        value={props.value}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={problem || undefined}
        aria-describedby={`${problem ? messageId(base, field) : ''} ${props.hint ?? ''}`.trim() || undefined}
        onChange={(e) => c.dispatch({ type: field, text: e.target.value })}
        onKeyDown={(e) => e.key === 'Enter' && c.applyNow()}
      />
    </label>
  );
}

/** The Activation select's choice for one activation per layer (a select per W_k appears). */
const perLayer = 'perLayer';

/** The activations a select offers, by their labels. */
function ActivationOptions() {
  return activationNames.map((name) => (
    <option key={name} value={name}>
      {activations[name].label}
    </option>
  ));
}

/** Why the loss is undefined at this network's output, and what to change. */
function lossAdvice(loss: LossName): string {
  if (loss === 'bce') return 'The loss bce needs every output strictly between 0 and 1 where its target needs the log (sigmoid gives that; ReLU and tanh may not)';
  if (loss === 'mse') return 'The loss mse needs every output finite';
  return 'The loss l = sum log X_K needs every output above 0 (ReLU and tanh can give 0 or less)';
}

function HashNoticeView({ c }: { c: ParamsController }) {
  const notice = c.hashNotice;
  if (!notice) return null;
  if (notice.kind === 'filled') {
    return (
      <div className="notice notice-info params-notice">
        <p>
          The link sets {notice.given.map((key) => (key === 'act' ? 'the activation' : key === 'loss' ? 'the loss' : key)).join(', ')}; everything
          else is the original network's (new places: random W and X0, zero beta{notice.given.includes('loss') && !notice.given.includes('Y') ? ' and Y' : ''}).
        </p>
        <button type="button" className="btn btn-small btn-quiet" onClick={c.dismissHashNotice}>
          Dismiss
        </button>
      </div>
    );
  }
  return (
    <div className="notice notice-error params-notice" role="alert" data-testid="params-hash-notice">
      <div>
        <p>
          <strong>The network in this page's link cannot be used</strong>, so the notebook runs the original network.
        </p>
        <ul>
          {notice.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
        <p>
          The link, as it is: <code className="params-hash">{notice.hash}</code>
        </p>
      </div>
      <button type="button" className="btn btn-small" onClick={c.useOriginal} title="Takes the network out of the link, so the link opens the original network">
        Use the original network
      </button>
    </div>
  );
}

function statusLine(c: ParamsController): { tone: 'ok' | 'warn' | 'error'; text: string } {
  const { reading } = c;
  if (reading.problems.length > 0) {
    const n = reading.problems.length;
    return { tone: 'error', text: `Not applied: ${n} field${n === 1 ? ' needs' : 's need'} a fix (marked in red). The notebook keeps the last valid network.` };
  }
  if (reading.lossProblem) {
    return {
      tone: 'error',
      text: `Not applied: ${reading.lossProblem}. ${lossAdvice(c.draft.net.loss ?? 'log')}: change a weight or bias of the last layer. The notebook keeps the last network whose loss is defined.`,
    };
  }
  if (c.pending) return { tone: 'ok', text: 'Applying when you stop typing…' };
  const link = linkNumbers(c.applied) > maxLinkNumbers ? ` Too many numbers for a link: the address bar holds the widths and activation, which give the panel's own fill.` : '';
  return { tone: 'ok', text: `In use: ${describeNet(c.applied)}.${reportText(c.report)}${link}` };
}

function reportText(report: RerunReport | null): string {
  if (!report || report.rerun + report.stale === 0) return '';
  const cells = (n: number) => `${n} cell${n === 1 ? '' : 's'}`;
  const parts = [
    report.rerun > 0 ? `re-ran ${cells(report.rerun)} that use${report.rerun === 1 ? 's' : ''} it` : '',
    report.stale > 0 ? `marked ${cells(report.stale)} to run again by hand` : '',
  ];
  return ` Since the change: ${parts.filter(Boolean).join('; ')}.`;
}

/** Up and Down move between the rows of a grid; Enter applies at once. */
function onGridKey(e: KeyboardEvent<HTMLInputElement>, c: ParamsController): void {
  if (e.key === 'Enter') {
    e.preventDefault();
    c.applyNow();
    return;
  }
  if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
  const input = e.currentTarget;
  const grid = input.closest('.params-grid');
  const [i, j] = [Number(input.dataset.row), Number(input.dataset.col)];
  const next = grid?.querySelector<HTMLInputElement>(`input[data-row="${i + (e.key === 'ArrowDown' ? 1 : -1)}"][data-col="${j}"]`);
  if (next) {
    e.preventDefault();
    next.focus();
  }
}

/** A block's messages: the list is what a block typed as text points to, each entry's item what its field points to. */
function Messages({ base, block, problems }: { base: string; block: Block; problems: FieldProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="params-messages" id={messageId(base, block.name)}>
      {problems.map((p, n) => (
        <li key={`${p.field}-${n}`} id={p.field === block.name ? undefined : messageId(base, p.field)}>
          {p.message}
        </li>
      ))}
    </ul>
  );
}

function BlockGrid({ block, c, base, problems }: { block: Block; c: ParamsController; base: string; problems: FieldProblem[] }) {
  const bad = new Set(problems.map((p) => p.field));
  const rows = Array.from({ length: block.rows }, (_, i) => i);
  const cols = Array.from({ length: block.cols }, (_, j) => j);
  // Vectors are columns, as in the maths: beta_k's entries line up with the rows of W_k beside it.
  const shape = { gridTemplateColumns: `repeat(${block.cols}, minmax(3.5rem, 5rem))` };
  return (
    <div className="params-grid" role="group" aria-label={`${block.name}, ${block.rows} x ${block.cols}`} style={shape}>
      {rows.flatMap((i) =>
        cols.map((j) => {
          const key = entryKey(block, i, j);
          return (
            <input
              key={key}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              spellCheck={false}
              className="params-entry"
              data-row={i}
              data-col={j}
              aria-label={entryLabel(block, i, j)}
              aria-invalid={bad.has(key) || undefined}
              aria-describedby={bad.has(key) ? messageId(base, key) : undefined}
              value={entryText(c.draft, block, i, j)}
              onChange={(e) => c.dispatch({ type: 'entry', block, i, j, text: e.target.value })}
              onKeyDown={(e) => onGridKey(e, c)}
            />
          );
        }),
      )}
    </div>
  );
}

function BlockText({ block, c, base, problems }: { block: Block; c: ParamsController; base: string; problems: FieldProblem[] }) {
  const [open, setOpen] = useState(c.draft.texts.has(block.name));
  const rows = blockRows(c.draft.net, block);
  const size = block.rows * block.cols;
  // A loop, not Math.min(...): a spread of a million numbers overflows the stack.
  let [min, max] = [Infinity, -Infinity];
  for (const row of rows) for (const v of row) [min, max] = [Math.min(min, v), Math.max(max, v)];
  const bad = problems.some((p) => p.field === block.name);
  return (
    <div className="params-large">
      <p className="params-summary-line">
        {size.toLocaleString('en-US')} numbers, from {min} to {max}
        {size <= textLimit && (
          <>
            {' '}
            <button type="button" className="btn btn-small btn-quiet" aria-expanded={open} aria-label={`Edit ${block.name} as text`} onClick={() => setOpen(!open)}>
              {open ? 'Hide text' : 'Edit as text'}
            </button>
          </>
        )}
      </p>
      {size > textLimit && <p className="params-hint">Too large to edit by hand in the page; use Randomise, or narrower widths.</p>}
      {open && size <= textLimit && (
        <textarea
          className="params-text"
          aria-label={`${block.name} as text: ${isMatrix(block) ? 'rows split by ;, entries by ,' : 'entries split by ,'}`}
          aria-invalid={bad || undefined}
          aria-describedby={bad ? messageId(base, block.name) : undefined}
          rows={Math.min(8, isMatrix(block) ? block.rows : 2)}
          spellCheck={false}
          value={c.draft.texts.get(block.name) ?? formatBlock(rows, block)}
          onChange={(e) => c.dispatch({ type: 'blockText', block, text: e.target.value })}
        />
      )}
    </div>
  );
}

function BlockEditor({ block, c, base, seed }: { block: Block; c: ParamsController; base: string; seed: () => number }) {
  const blocks = new Set([block.name]);
  const problems = c.reading.problems.filter((p) => blocks.has(p.field) || p.field.startsWith(`${block.name}[`));
  const large = block.rows > gridLimit || block.cols > gridLimit;
  const batched = block.cols > 1 && block.kind !== 'W' ? `, ${block.cols} samples` : '';
  const title = block.kind === 'X0' ? `X0 (input${batched})` : block.kind === 'Y' ? `Y (target${batched})` : block.name;
  return (
    <div className="params-block">
      <div className="params-block-head">
        <span className="params-block-name">{title}</span>
        <span className="params-shape">
          {block.rows} x {block.cols}
        </span>
        {block.kind === 'W' && typeof c.draft.net.activation !== 'string' && (
          <select
            className="params-layer-act"
            aria-label={`Activation of layer ${block.layer}`}
            value={activationAt(c.draft.net, block.layer)}
            onChange={(e) => c.dispatch({ type: 'activation', name: e.target.value as ActivationName, layer: block.layer })}
          >
            <ActivationOptions />
          </select>
        )}
        {block.kind === 'W' && (
          <button
            type="button"
            className="btn btn-small btn-quiet"
            aria-label={`Randomise ${block.name}`}
            title={`New seeded random values, uniform in ±√(3/${block.cols})`}
            onClick={() => c.dispatch({ type: 'randomise', block, seed: seed() })}
          >
            Randomise
          </button>
        )}
      </div>
      {large ? <BlockText block={block} c={c} base={base} problems={problems} /> : <BlockGrid block={block} c={c} base={base} problems={problems} />}
      <Messages base={base} block={block} problems={problems} />
    </div>
  );
}

export function ParamsPanel({ host, store, runner, link }: ParamsPanelProps) {
  const c = useParamsController(host, store, runner, link);
  const base = useId().replace(/:/g, '');
  // Open when the page came from a link with a network: the student should see what it set.
  const [open, setOpen] = useState(c.fromLink);
  const [nextSeed, setNextSeed] = useState(1);
  const seed = (): number => {
    setNextSeed(nextSeed + 1);
    return nextSeed;
  };
  const status = statusLine(c);
  const widthsProblem = c.reading.problems.find((p) => p.field === 'widths');
  const batchProblem = c.reading.problems.find((p) => p.field === 'batch');
  const blocks = blocksOfNet(c.draft.net);
  const layers = blocks.filter((b) => b.kind !== 'X0');
  const oneActivation = typeof c.draft.net.activation === 'string' ? c.draft.net.activation : perLayer;
  return (
    <section className="params-panel" aria-labelledby={`${base}-title`} data-testid="params-panel">
      <div className="params-head">
        <h2 id={`${base}-title`} className="params-title">
          Network parameters
        </h2>
        <p className="params-in-use">{describeNet(c.applied)}</p>
        <button type="button" className="btn btn-small" aria-expanded={open} aria-controls={`${base}-body`} onClick={() => setOpen(!open)}>
          {open ? 'Hide' : 'Change the network'}
        </button>
      </div>
      <HashNoticeView c={c} />
      <div id={`${base}-body`} className="params-body" hidden={!open}>
        <div className="params-row">
          <PanelField c={c} field="widths" label="Widths" value={c.draft.widthsText} base={base} hint={`${base}-widths-hint`} />
          <PanelField c={c} field="batch" label="Batch size" value={c.draft.batchText} base={base} numeric />
          <label className="params-field">
            <span>Activation</span>
            <select
              value={oneActivation}
              onChange={(e) => c.dispatch(e.target.value === perLayer ? { type: 'perLayer' } : { type: 'activation', name: e.target.value as ActivationName })}
            >
              <ActivationOptions />
              <option value={perLayer}>{oneActivation === perLayer ? 'per layer (each W below)' : 'per layer…'}</option>
            </select>
          </label>
          <fieldset className="params-field params-loss">
            <legend>Loss</legend>
            {lossNames.map((name) => (
              <label key={name} className="params-radio">
                <input type="radio" name={`${base}-loss`} value={name} checked={(c.draft.net.loss ?? 'log') === name} onChange={() => c.dispatch({ type: 'loss', name })} />
                {lossLabels[name]}
              </label>
            ))}
          </fieldset>
          <button type="button" className="btn btn-small" onClick={c.resetToOriginal}>
            Reset to original
          </button>
        </div>
        {[widthsProblem, batchProblem].map(
          (problem) =>
            problem && (
              <p key={problem.field} className="params-message" id={messageId(base, problem.field)}>
                {problem.message}
              </p>
            ),
        )}
        <p id={`${base}-widths-hint`} className="params-hint">
          Widths from input to output, e.g. 2, 3, 1. New places get random weights and inputs and zero biases (and targets); values you had come back if a layer grows again. A batch of B samples makes X0 (and Y) one column per sample; the gradients of W and beta sum over the batch.
        </p>
        <p className={`params-status params-status-${status.tone}`} role="status" data-testid="params-status">
          {status.text}
        </p>
        {c.reading.slowWarning && <p className="params-status params-status-warn">{c.reading.slowWarning}</p>}
        <div className="params-blocks">
          <BlockEditor block={blocks[0]} c={c} base={base} seed={seed} />
          {layers.map((block) => (
            <BlockEditor key={block.name} block={block} c={c} base={base} seed={seed} />
          ))}
        </div>
      </div>
    </section>
  );
}
