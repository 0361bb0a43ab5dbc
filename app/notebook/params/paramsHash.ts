// The network in the URL hash as the panel reads and writes it: every bad value named, missing keys filled, other keys kept.
import { NetSpecError, originalNet, parameterCount, validateNetSpec } from '../../core/netspec';
import { activationNames } from '../../core/activations';
import type { SampleNetSpec as NetSpec } from '../../core/types';
import { blockRows, blocksOf, reshapeNet, withBlockRows, type Block } from './paramsBlocks';
import { lossProblemOf } from './paramsDraft';
import { parseHash, serializeHash } from './urlHash';

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

/** The shape a given block should have, or a message naming what is wrong with it. */
function shapeProblem(block: Block, rows: unknown[]): string | null {
  const size = (b: Block) => (b.kind === 'W' ? `${b.rows}x${b.cols} (widths[${b.layer}] x widths[${b.layer - 1}])` : `${b.rows} (widths[${b.layer}])`);
  if (block.kind !== 'W') return rows.length === block.rows ? null : `${block.name} has ${rows.length} ${rows.length === 1 ? 'entry' : 'entries'}, expected ${size(block)}`;
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

/** The network a hash gives (see HashNetwork). Keys it leaves out come from the original network. */
export function networkFromHash(hash: string): HashNetwork {
  const parsed = parseHash(hash);
  if (!parsed.hasNetwork) return { kind: 'none' };
  const { candidate } = parsed;
  const badActivation =
    candidate.activation !== undefined && !(activationNames as string[]).includes(candidate.activation)
      ? `act "${candidate.activation}" is unknown (known: ${activationNames.join(', ')})`
      : null;
  const widths = candidate.widths ?? originalNet().widths;
  const badWidths = widthsProblem(widths);
  // Every value the link got wrong, named at once (shapes only once the numbers and widths read).
  const unreadable = [...parsed.errors, ...(badWidths ? [badWidths] : [])];
  if (unreadable.length > 0) return { kind: 'bad', problems: [...unreadable, ...(badActivation ? [badActivation] : [])] };
  let spec = reshapeNet(originalNet(), widths, new Map()).spec;
  const given: string[] = candidate.widths ? ['widths'] : [];
  const problems: string[] = [];
  if (candidate.activation !== undefined) {
    given.push('act');
    if (badActivation) problems.push(badActivation);
    else spec = { ...spec, activation: candidate.activation };
  }
  const layersGiven = Math.max(candidate.W?.length ?? 0, candidate.beta?.length ?? 0);
  if (layersGiven > widths.length - 1) {
    problems.push(`the link gives layer ${layersGiven}, but widths ${widths.join(',')} make ${widths.length - 1} layers`);
  }
  const blocks = blocksOf(widths);
  const valuesOf = (block: Block): unknown[] | null | undefined => {
    if (block.kind === 'X0') return candidate.X0?.map((v) => [v]);
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
  const checked = validateNetSpec(spec);
  const loss = lossProblemOf(checked);
  if (loss) return { kind: 'bad', problems: [loss] };
  const missing = ['widths', 'act', ...blocks.map((b) => b.name)].filter((key) => !given.includes(key));
  return { kind: 'ok', spec: checked, given, missing };
}

/** Whether two networks are the same, number for number. */
export function sameNet(a: NetSpec, b: NetSpec): boolean {
  if (a.activation !== b.activation || a.widths.length !== b.widths.length || a.widths.some((w, i) => w !== b.widths[i])) return false;
  return blocksOf(a.widths).every((block) => {
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

/** How many numbers a network's link holds: X0 and every W_k and beta_k. */
export const linkNumbers = (spec: NetSpec): number => parameterCount(spec.widths) + spec.widths[0];

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
  return `#widths=${spec.widths.join(',')}&act=${spec.activation}${rest === '' ? '' : `&${rest.slice(1)}`}`;
}

/** The current hash without its network: what "use the original network" leaves in the address bar. */
export function hashWithoutNetwork(currentHash: string): string {
  return serializeHash(null, parseHash(currentHash).other);
}
