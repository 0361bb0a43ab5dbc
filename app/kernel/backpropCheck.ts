// The check of a `backprop` output (display.backprop) before the page shows it: shapes, layers and text, naming the first problem and where.
import { validateNetSpec } from '../core/netspec';
import type { BackpropMode, BackpropView } from './protocol';

const isInt = (v: unknown, min: number, max: number): boolean => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const isNumbers = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const modes: BackpropMode[] = ['dense', 'vjp'];

/** What is wrong with step `i` of a view of K layers, or null. */
function stepProblem(step: unknown, i: number, K: number, widths: readonly number[]): string | null {
  const at = `steps[${i}]`;
  if (!isObject(step)) return `${at} is not an object`;
  for (const mode of modes) {
    if (!isObject(step.title) || typeof step.title[mode] !== 'string') return `${at}.title.${mode} is not text`;
    if (!isObject(step.tex) || typeof step.tex[mode] !== 'string') return `${at}.tex.${mode} is not text`;
    const code = isObject(step.code) ? step.code[mode] : undefined;
    if (!isObject(code) || typeof code.where !== 'string' || typeof code.line !== 'string') return `${at}.code.${mode} is not { where, line }`;
  }
  if (!Array.isArray(step.nodes) || !step.nodes.every((k) => isInt(k, 0, K))) return `${at}.nodes must list layers 0..${K}`;
  if (step.edges !== null && !isInt(step.edges, 1, K)) return `${at}.edges is ${JSON.stringify(step.edges)}, expected a layer 1..${K} or null`;
  const carried = step.carried;
  if (carried !== null) {
    if (!isObject(carried) || !isInt(carried.layer, 0, K)) return `${at}.carried.layer must be a layer 0..${K}`;
    if (!isNumbers(carried.values) || carried.values.length !== widths[carried.layer as number]) {
      return `${at}.carried.values must be ${widths[carried.layer as number]} numbers (the width of layer ${String(carried.layer)})`;
    }
  }
  if (step.mults !== null && !(isObject(step.mults) && modes.every((m) => typeof (step.mults as Record<string, unknown>)[m] === 'number'))) {
    return `${at}.mults is not { dense, vjp } numbers or null`;
  }
  return null;
}

/** Why `value` is not a view the page can show (naming the first problem and where), or null. */
export function backpropViewProblem(value: unknown): string | null {
  if (!isObject(value)) return 'the view is not an object';
  try {
    validateNetSpec(value.spec as never);
  } catch (error) {
    return `spec: ${error instanceof Error ? error.message : String(error)}`;
  }
  const { widths } = value.spec as BackpropView['spec'];
  const K = widths.length - 1;
  if (!Array.isArray(value.X) || value.X.length !== K + 1 || !value.X.every((x, k) => isNumbers(x) && x.length === widths[k])) {
    return `X must hold X_0..X_${K}, each as wide as its layer`;
  }
  if (typeof value.loss !== 'number') return 'loss is not a number';
  if (value.note !== undefined && typeof value.note !== 'string') return 'note is not text';
  if (!Array.isArray(value.steps) || value.steps.length === 0) return 'steps is not a list of steps';
  for (const [i, step] of value.steps.entries()) {
    const problem = stepProblem(step, i, K, widths);
    if (problem) return problem;
  }
  return null;
}
