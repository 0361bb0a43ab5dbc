// The network in the URL hash as the panel reads and writes it: every bad value named, missing keys filled, other keys kept.
import { activationNames } from '../../core/activations';
import { activationAt } from '../../core/net';
import { packedCount } from '../../core/network';
import { lossNames, NetSpecError, netLimits, originalNet, validateNetSpec } from '../../core/netspec';
import type { ActivationName, LossName, NetSpec } from '../../core/types';
import { batchOf, blockRows, blocksOfNet, reshapeNet, withBlockRows, type Block } from './paramsBlocks';
import { lossProblemOf } from './paramsDraft';
import { parseHash, serializeHash, type HashCandidate } from './urlHash';

export type HashNetwork =
  /** The hash says nothing about the network: the notebook uses the original one. */
  | { kind: 'none' }
  /** `given`: the keys the link set; the others come from the original network (reshaped to the link's widths). */
  | { kind: 'ok'; spec: NetSpec; given: string[]; missing: string[] }
  /** Each problem names its key and value; the notebook falls back to the original network. */
  | { kind: 'bad'; problems: string[] };

/** The widths alone, checked by validateNetSpec (it checks them before anything else). */
function widthsProblem(widths: number[]): string | null {
  try {
    validateNetSpec({ widths, activation: 'sigmoid', X0: [], W: [], beta: [] });
  } catch (error) {
    if (error instanceof NetSpecError && error.where.startsWith('widths')) return error.message;
  }
  return null;
}

const isMatrixShape = (block: Block): boolean => block.kind === 'W' || block.cols > 1;

/** The shape a given block should have, or a message naming what is wrong with it. */
function shapeProblem(block: Block, rows: unknown[]): string | null {
  const size = (b: Block) =>
    b.kind === 'W'
      ? `${b.rows}x${b.cols} (widths[${b.layer}] x widths[${b.layer - 1}])`
      : b.cols > 1
        ? `${b.rows}x${b.cols} (widths[${b.layer}] x the batch, ${b.cols} samples)`
        : `${b.rows} (widths[${b.layer}])`;
  if (!isMatrixShape(block)) return rows.length === block.rows ? null : `${block.name} has ${rows.length} ${rows.length === 1 ? 'entry' : 'entries'}, expected ${size(block)}`;
  const lengths = (rows as number[][]).map((r) => r.length);
  if (rows.length === block.rows && lengths.every((n) => n === block.cols)) return null;
  const ragged = lengths.some((n) => n !== lengths[0]);
  const shape = ragged ? `rows of ${[...new Set(lengths)].join(' and ')} entries` : `shape ${rows.length}x${lengths[0] ?? 0}`;
  return `${block.name} has ${shape}, expected ${size(block)}`;
}

/** The page's link as read once at start (main.tsx): the hash and the network it gives. */
export interface LinkNetwork {
  hash: string;
  network: HashNetwork;
}

/** The network a read hash gives the notebook: the link's, or the original one (none, or a bad one). */
export const networkOf = (read: HashNetwork): NetSpec => (read.kind === 'ok' ? read.spec : originalNet());

/**
 * Samples (X0 or Y) as a link gives them, as the network holds them: one sample flat, a batch as c
 * rows of B. One line of entries is one sample, or for a layer of width 1 a batch (`Y=0,1,1`).
 */
function samplesOf(value: number[] | number[][] | undefined, width: number): number[] | number[][] | undefined {
  if (value === undefined || Array.isArray(value[0])) return value;
  return width === 1 && value.length > 1 ? [value as number[]] : value;
}

/** The activation names a link gives (one, or one per layer), or the problems with them. */
function readActivation(value: string | string[], K: number): { names: ActivationName | ActivationName[] } | { problems: string[] } {
  const known = activationNames as string[];
  const list = typeof value === 'string' ? [value] : value;
  const unknown = list.filter((name) => !known.includes(name)).map((name) => `act "${name}" is unknown (known: ${activationNames.join(', ')})`);
  if (unknown.length > 0) return { problems: unknown };
  if (typeof value !== 'string' && value.length !== K) {
    return { problems: [`act has ${value.length} names, expected 1 or ${K} (one per layer)`] };
  }
  return { names: value as ActivationName | ActivationName[] };
}

function readLoss(value: string): { loss: LossName } | { problem: string } {
  if ((lossNames as string[]).includes(value)) return { loss: value as LossName };
  return { problem: `loss "${value}" is unknown (known: ${lossNames.join(', ')})` };
}

/** What the link gives besides the blocks (activation, loss), or the problems with them. */
function readSettings(candidate: HashCandidate, K: number): { activation?: ActivationName | ActivationName[]; loss?: LossName; problems: string[] } {
  const problems: string[] = [];
  const act = candidate.activation === undefined ? undefined : readActivation(candidate.activation, K);
  if (act && 'problems' in act) problems.push(...act.problems);
  const loss = candidate.loss === undefined ? undefined : readLoss(candidate.loss);
  if (loss && 'problem' in loss) problems.push(loss.problem);
  return { activation: act && 'names' in act ? act.names : undefined, loss: loss && 'loss' in loss ? loss.loss : undefined, problems };
}

/** The network a hash gives (see HashNetwork). Keys it leaves out come from the original network. */
export function networkFromHash(hash: string): HashNetwork {
  const parsed = parseHash(hash);
  if (!parsed.hasNetwork) return { kind: 'none' };
  const { candidate } = parsed;
  const widths = candidate.widths ?? originalNet().widths;
  const badWidths = widthsProblem(widths);
  const K = widths.length - 1;
  const settings = readSettings(candidate, Math.max(K, 1));
  // Every value the link got wrong, named at once (shapes only once the numbers and widths read).
  const unreadable = [...parsed.errors, ...(badWidths ? [badWidths] : [])];
  if (unreadable.length > 0) return { kind: 'bad', problems: [...unreadable, ...settings.problems] };
  const X0 = samplesOf(candidate.X0, widths[0]);
  const Y = samplesOf(candidate.Y, widths[K]);
  const given: string[] = candidate.widths ? ['widths'] : [];
  const problems: string[] = [...settings.problems];
  if (candidate.activation !== undefined) given.push('act');
  if (candidate.loss !== undefined) given.push('loss');
  const loss = settings.loss ?? 'log';
  // The batch comes from X0 (or Y when X0 is left out); a Y for the log loss is named, not dropped.
  const batch = X0 ? batchOf({ X0 }) : Y ? batchOf({ X0: Y }) : 0;
  if (batch > netLimits.maxBatch) problems.push(`${X0 ? 'X0' : 'Y'} holds a batch of ${batch} samples, at most ${netLimits.maxBatch}`);
  if (Y && loss === 'log') problems.push('Y is given, but the loss is log (sum of log X_K), which has no target: add loss=mse or loss=bce');
  let spec: NetSpec = reshapeNet({ ...originalNet(), ...(loss === 'log' ? {} : { loss, Y: [] }) }, widths, new Map(), problems.length > 0 ? 0 : batch).spec;
  if (settings.activation) spec = { ...spec, activation: settings.activation };
  const layersGiven = Math.max(candidate.W?.length ?? 0, candidate.beta?.length ?? 0);
  if (layersGiven > K) {
    problems.push(`the link gives layer ${layersGiven}, but widths ${widths.join(',')} make ${K} layers`);
  }
  const blocks = blocksOfNet(spec);
  const valuesOf = (block: Block): unknown[] | null | undefined => {
    if (block.kind === 'X0' || block.kind === 'Y') {
      const samples = block.kind === 'X0' ? X0 : Y;
      return samples?.map((v) => (Array.isArray(v) ? v : [v]));
    }
    const layers: (unknown[] | null)[] | undefined = block.kind === 'W' ? candidate.W : candidate.beta?.map((b) => b?.map((v) => [v]) ?? null);
    return layers?.[block.layer - 1];
  };
  for (const block of blocks) {
    const rows = valuesOf(block);
    if (!rows) continue;
    given.push(block.name);
    const problem = shapeProblem(block, rows);
    if (problem) problems.push(problem);
    else spec = withBlockRows(spec, block, rows as number[][]);
  }
  if (problems.length > 0) return { kind: 'bad', problems };
  // The network object the panel starts from: its loss check is then remembered, not redone.
  let checked: NetSpec;
  try {
    checked = validateNetSpec(spec);
  } catch (error) {
    // What only the whole network can say (a bce target outside [0, 1]).
    if (error instanceof NetSpecError) return { kind: 'bad', problems: [error.message] };
    throw error;
  }
  const lossProblem = lossProblemOf(checked);
  if (lossProblem) return { kind: 'bad', problems: [lossProblem] };
  const missing = ['widths', 'act', ...blocks.map((b) => b.name)].filter((key) => !given.includes(key));
  return { kind: 'ok', spec: checked, given, missing };
}

/** Whether two networks are the same, number for number. */
export function sameNet(a: NetSpec, b: NetSpec): boolean {
  if (a.widths.length !== b.widths.length || a.widths.some((w, i) => w !== b.widths[i])) return false;
  if (typeof a.activation !== typeof b.activation || a.widths.slice(1).some((_, idx) => activationAt(a, idx + 1) !== activationAt(b, idx + 1))) return false;
  if ((a.loss ?? 'log') !== (b.loss ?? 'log') || (a.Y === undefined) !== (b.Y === undefined)) return false;
  if (batchOf(a) !== batchOf(b) || Array.isArray(a.X0[0]) !== Array.isArray(b.X0[0])) return false;
  return blocksOfNet(a).every((block) => {
    const [ra, rb] = [blockRows(a, block), blockRows(b, block)];
    return ra.every((row, i) => row.every((v, j) => v === rb[i][j]));
  });
}

/**
 * Networks with more numbers than this go into a link as widths and activation only: every number
 * takes ~6 characters, and links much over ~25 kB break in chat apps and mail. The link then gives
 * the panel's own fill for those widths (original values where they fit, seeded random elsewhere),
 * which is exactly the network a student gets by typing those widths into the panel.
 */
export const maxLinkNumbers = 4096;

/** How many numbers a network's link holds: X0, every W_k and beta_k, and Y. */
export const linkNumbers = (spec: NetSpec): number => packedCount(spec.widths, batchOf(spec), spec.Y !== undefined);

/**
 * The hash to write for a network applied in the panel: its keys (none for the original network,
 * whose link is the plain page; only widths and act beyond `maxLinkNumbers`) and every other key of
 * `currentHash` (shared edits and the like).
 */
export function hashFor(spec: NetSpec, currentHash: string): string {
  const { other } = parseHash(currentHash);
  if (sameNet(spec, originalNet())) return serializeHash(null, other);
  if (linkNumbers(spec) <= maxLinkNumbers) return serializeHash(spec, other);
  const rest = serializeHash(null, other);
  const loss = (spec.loss ?? 'log') === 'log' ? '' : `&loss=${spec.loss}`;
  return `#widths=${spec.widths.join(',')}&act=${String(spec.activation)}${loss}${rest === '' ? '' : `&${rest.slice(1)}`}`;
}

/** The current hash without its network: what "use the original network" leaves in the address bar. */
export function hashWithoutNetwork(currentHash: string): string {
  return serializeHash(null, parseHash(currentHash).other);
}
