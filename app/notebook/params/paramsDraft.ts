// The parameters panel's draft (what the student typed, the last valid values) and its pure reducer and reading.
import { forwardPrepared, LossUndefinedError } from '../../core/forward';
import { prepareTrusted } from '../../core/net';
import { activationAt } from '../../core/net';
import type { ActivationName, LossName, NetSpec } from '../../core/types';
import { batchOf, blockRows, blocksOfNet, entryAt, entryKey, entryLabel, randomRows, readBlockText, reshapeNet, withBlockRows, type Block } from './paramsBlocks';
import { readBatch, readNumber, readWidths, slowDenseWarning } from './paramsField';

export interface ParamsDraft {
  /** The widths field as typed. */
  widthsText: string;
  /** The batch size field as typed (1: one sample). */
  batchText: string;
  /** The last valid value of every entry; its widths are the last valid widths (the shapes shown). */
  net: NetSpec;
  /** Entries as typed (key as `entryKey`): the field shows what the student typed, parsed or not. */
  typed: ReadonlyMap<string, string>;
  /** Blocks edited as text (large layers), by block name. */
  texts: ReadonlyMap<string, string>;
  /** Values cut off by narrower widths, restored if the widths grow back (see reshapeNet). */
  stash: ReadonlyMap<string, number>;
}

export type ParamsAction =
  | { type: 'widths'; text: string }
  /** One activation for every layer, or (`layer` k = 1..K) for layer k alone. */
  | { type: 'activation'; name: ActivationName; layer?: number }
  /** One activation per layer from now on (each starts as it is), until one name is chosen for all. */
  | { type: 'perLayer' }
  | { type: 'batch'; text: string }
  | { type: 'loss'; name: LossName }
  | { type: 'entry'; block: Block; i: number; j: number; text: string }
  | { type: 'blockText'; block: Block; text: string }
  | { type: 'randomise'; block: Block; seed: number }
  | { type: 'load'; spec: NetSpec };

/** How a person writes widths: "2, 3, 1". */
export const formatWidths = (widths: readonly number[]): string => widths.join(', ');

export function draftFromNet(spec: NetSpec): ParamsDraft {
  const batchText = String(Math.max(1, batchOf(spec)));
  return { widthsText: formatWidths(spec.widths), batchText, net: spec, typed: new Map(), texts: new Map(), stash: new Map() };
}

const without = <K, V>(map: ReadonlyMap<K, V>, drop: (key: K) => boolean): Map<K, V> => new Map([...map].filter(([k]) => !drop(k)));

/** Entries typed into a block: their keys start with the block's name and a bracket. */
const inBlock = (block: Block) => (key: string) => key.startsWith(`${block.name}[`);

function setEntry(draft: ParamsDraft, action: Extract<ParamsAction, { type: 'entry' }>): ParamsDraft {
  const typed = new Map(draft.typed).set(entryKey(action.block, action.i, action.j), action.text);
  const read = readNumber(action.text, '');
  if (!read.ok) return { ...draft, typed };
  const rows = blockRows(draft.net, action.block).map((r, i) => (i === action.i ? r.map((v, j) => (j === action.j ? read.value : v)) : r));
  return { ...draft, typed, net: withBlockRows(draft.net, action.block, rows) };
}

function setWidths(draft: ParamsDraft, text: string): ParamsDraft {
  const read = readWidths(text);
  const same = read.ok && read.value.length === draft.net.widths.length && read.value.every((w, i) => w === draft.net.widths[i]);
  if (!read.ok || same) return { ...draft, widthsText: text };
  return { ...reshaped(draft, reshapeNet(draft.net, read.value, draft.stash)), widthsText: text };
}

/** The draft at a reshaped network: typed entries stay where their place still exists; a block typed as text had the old shape. */
function reshaped(draft: ParamsDraft, { spec, stash }: { spec: NetSpec; stash: Map<string, number> }): ParamsDraft {
  const newBlocks = blocksOfNet(spec);
  const shapes = new Map(newBlocks.map((b) => [b.name, `${b.rows}x${b.cols}`]));
  const oldShapes = new Map(blocksOfNet(draft.net).map((b) => [b.name, `${b.rows}x${b.cols}`]));
  const changed = (name: string): boolean => shapes.get(name) !== oldShapes.get(name);
  const typed = without(draft.typed, (key) => entryAt(key, newBlocks) === null);
  return { ...draft, net: spec, typed, texts: without(draft.texts, changed), stash };
}

/** The batch size typed: 1 keeps one flat sample, more make X0 (and Y) c rows of B. */
function setBatch(draft: ParamsDraft, text: string): ParamsDraft {
  const read = readBatch(text);
  const batch = read.ok && read.value > 1 ? read.value : 0;
  if (!read.ok || batch === batchOf(draft.net)) return { ...draft, batchText: text };
  return { ...reshaped(draft, reshapeNet(draft.net, draft.net.widths, draft.stash, batch)), batchText: text };
}

/** One name for every layer, or layer k's (the activation is then a list of K names, one per layer). */
function setActivation(spec: NetSpec, name: ActivationName, layer?: number): NetSpec {
  if (layer === undefined) return spec.activation === name ? spec : { ...spec, activation: name };
  const K = spec.widths.length - 1;
  return { ...spec, activation: Array.from({ length: K }, (_, idx) => (idx + 1 === layer ? name : activationAt(spec, idx + 1))) };
}

/** The loss: mse and bce bring a target Y (zero where there was none), log takes it away. */
function setLoss(draft: ParamsDraft, loss: LossName): ParamsDraft {
  if ((draft.net.loss ?? 'log') === loss) return draft;
  const { loss: _old, Y, ...rest } = draft.net;
  if (loss === 'log') return reshaped(draft, { spec: rest, stash: new Map(draft.stash) });
  const withY = { ...rest, loss, Y: Y ?? [] };
  return reshaped(draft, reshapeNet(withY, draft.net.widths, draft.stash));
}

export function paramsReducer(draft: ParamsDraft, action: ParamsAction): ParamsDraft {
  switch (action.type) {
    case 'widths':
      return setWidths(draft, action.text);
    case 'activation': {
      const net = setActivation(draft.net, action.name, action.layer);
      return net === draft.net ? draft : { ...draft, net };
    }
    case 'perLayer':
      return typeof draft.net.activation === 'string' ? { ...draft, net: setActivation(draft.net, draft.net.activation, 1) } : draft;
    case 'batch':
      return setBatch(draft, action.text);
    case 'loss':
      return setLoss(draft, action.name);
    case 'entry':
      return setEntry(draft, action);
    case 'blockText': {
      const texts = new Map(draft.texts).set(action.block.name, action.text);
      const read = readBlockText(action.text, action.block);
      return { ...draft, texts, net: read.ok ? withBlockRows(draft.net, action.block, read.rows) : draft.net };
    }
    case 'randomise':
      return {
        ...draft,
        net: withBlockRows(draft.net, action.block, randomRows(action.block, action.seed)),
        typed: without(draft.typed, inBlock(action.block)),
        texts: without(draft.texts, (name) => name === action.block.name),
      };
    case 'load':
      return draftFromNet(action.spec);
    default: {
      const never: never = action;
      throw new Error(`parameters panel: unknown action ${JSON.stringify(never)}`);
    }
  }
}

/** A problem at one field: `field` is 'widths', a block name (typed as text) or an entry key. */
export interface FieldProblem {
  field: string;
  message: string;
}

export interface DraftReading {
  /** Every field that does not hold a usable value. */
  problems: FieldProblem[];
  /** The network the draft describes, when every field is usable (its loss may still be undefined). */
  spec: NetSpec | null;
  /** Why this network cannot be applied though every field is fine: `log(X_K) is undefined: X_2[0] = 0`. */
  lossProblem: string | null;
  /** The dense method would be slow at these widths (with an estimate). */
  slowWarning: string | null;
}

/** What the draft says: the problems field by field, or the network (valid by construction) and whether its loss is defined. */
export function readDraft(draft: ParamsDraft): DraftReading {
  const problems: FieldProblem[] = [];
  const widths = readWidths(draft.widthsText);
  if (!widths.ok) problems.push({ field: 'widths', message: widths.message });
  const batch = readBatch(draft.batchText);
  if (!batch.ok) problems.push({ field: 'batch', message: batch.message });
  const blocks = blocksOfNet(draft.net);
  for (const [key, text] of draft.typed) {
    const at = entryAt(key, blocks);
    const read = readNumber(text, at ? entryLabel(at.block, at.i, at.j) : key);
    if (!read.ok) problems.push({ field: key, message: read.message });
  }
  for (const block of blocks) {
    const text = draft.texts.get(block.name);
    const read = text === undefined ? null : readBlockText(text, block);
    if (read && !read.ok) for (const message of read.problems) problems.push({ field: block.name, message });
  }
  problems.push(...targetProblems(draft, blocks));
  const slowWarning = slowDenseWarning(draft.net.widths, Math.max(1, batchOf(draft.net)));
  if (problems.length > 0) return { problems, spec: null, lossProblem: null, slowWarning };
  return { problems, spec: draft.net, lossProblem: lossProblemOf(draft.net), slowWarning };
}

/** bce's targets are probabilities: each one outside [0, 1] is named at its field. */
function targetProblems(draft: ParamsDraft, blocks: readonly Block[]): FieldProblem[] {
  const Y = blocks.find((b) => b.kind === 'Y');
  if (!Y || draft.net.loss !== 'bce') return [];
  const problems: FieldProblem[] = [];
  blockRows(draft.net, Y).forEach((row, i) =>
    row.forEach((y, j) => {
      const field = entryKey(Y, i, j);
      if (!(y >= 0 && y <= 1)) {
        problems.push({ field: draft.texts.has('Y') ? 'Y' : field, message: `${entryLabel(Y, i, j)}: ${y} is outside [0, 1]: a bce target is a probability` });
      }
    }),
  );
  return problems;
}

/**
 * Answers by network object (the page never changes a network in place, it makes a new one): a
 * link's network is checked when the link is read and again when the panel first shows it, each
 * time a forward pass over millions of numbers at the size limit.
 */
const lossProblems = new WeakMap<NetSpec, string | null>();

/** `log(X_K) is undefined: X_2[0] = 0` when the loss of this network is undefined, else null (core's forward pass). */
export function lossProblemOf(spec: NetSpec): string | null {
  const known = lossProblems.get(spec);
  if (known !== undefined) return known;
  let problem: string | null = null;
  try {
    // The draft is valid by construction: validateNetSpec's checks would take seconds near the size limit.
    forwardPrepared(prepareTrusted(spec));
  } catch (error) {
    if (!(error instanceof LossUndefinedError)) throw error;
    problem = error.message;
  }
  lossProblems.set(spec, problem);
  return problem;
}

/** An entry's text in the panel: as typed, else its value. */
export function entryText(draft: ParamsDraft, block: Block, i: number, j: number): string {
  return draft.typed.get(entryKey(block, i, j)) ?? String(blockRows(draft.net, block)[i][j]);
}
