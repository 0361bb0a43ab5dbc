// The parameters panel's draft (what the student typed, the last valid values) and its pure reducer and reading.
import { forwardPrepared, LossUndefinedError } from '../../core/forward';
import { prepareTrusted } from '../../core/net';
import type { ActivationName, SampleNetSpec as NetSpec } from '../../core/types';
import { blockRows, blocksOf, entryAt, entryKey, entryLabel, randomRows, readBlockText, reshapeNet, withBlockRows, type Block } from './paramsBlocks';
import { readNumber, readWidths, slowDenseWarning } from './paramsField';

export interface ParamsDraft {
  /** The widths field as typed. */
  widthsText: string;
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
  | { type: 'activation'; name: ActivationName }
  | { type: 'entry'; block: Block; i: number; j: number; text: string }
  | { type: 'blockText'; block: Block; text: string }
  | { type: 'randomise'; block: Block; seed: number }
  | { type: 'load'; spec: NetSpec };

/** How a person writes widths: "2, 3, 1". */
export const formatWidths = (widths: readonly number[]): string => widths.join(', ');

export function draftFromNet(spec: NetSpec): ParamsDraft {
  return { widthsText: formatWidths(spec.widths), net: spec, typed: new Map(), texts: new Map(), stash: new Map() };
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
  const { spec, stash } = reshapeNet(draft.net, read.value, draft.stash);
  // Typed entries stay where their place still exists; a block typed as text had the old shape.
  const shapes = new Map(blocksOf(read.value).map((b) => [b.name, `${b.rows}x${b.cols}`]));
  const oldShapes = new Map(blocksOf(draft.net.widths).map((b) => [b.name, `${b.rows}x${b.cols}`]));
  const reshaped = (name: string): boolean => shapes.get(name) !== oldShapes.get(name);
  const newBlocks = blocksOf(read.value);
  const typed = without(draft.typed, (key) => entryAt(key, newBlocks) === null);
  return { widthsText: text, net: spec, typed, texts: without(draft.texts, reshaped), stash };
}

export function paramsReducer(draft: ParamsDraft, action: ParamsAction): ParamsDraft {
  switch (action.type) {
    case 'widths':
      return setWidths(draft, action.text);
    case 'activation':
      return action.name === draft.net.activation ? draft : { ...draft, net: { ...draft.net, activation: action.name } };
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
  const blocks = blocksOf(draft.net.widths);
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
  const slowWarning = slowDenseWarning(draft.net.widths);
  if (problems.length > 0) return { problems, spec: null, lossProblem: null, slowWarning };
  return { problems, spec: draft.net, lossProblem: lossProblemOf(draft.net), slowWarning };
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
