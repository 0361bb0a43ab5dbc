// The step-through view's state (which step, which way) as pure transitions; the check of what the kernel sent is the kernel's (backpropCheck.ts).
import type { BackpropMode, BackpropView } from '../../kernel/protocol';

export interface StepState {
  /** 0 = the forward pass; 1..count-1 = the factors of the chain rule. */
  at: number;
  count: number;
  mode: BackpropMode;
}

export type StepAction = { type: 'next' } | { type: 'previous' } | { type: 'first' } | { type: 'last' } | { type: 'mode'; mode: BackpropMode };

/** The state after `action`; the same object when nothing changes (a press at either end). */
export function stepReducer(state: StepState, action: StepAction): StepState {
  const go = (at: number): StepState => {
    const clamped = Math.max(0, Math.min(state.count - 1, at));
    return clamped === state.at ? state : { ...state, at: clamped };
  };
  switch (action.type) {
    case 'next':
      return go(state.at + 1);
    case 'previous':
      return go(state.at - 1);
    case 'first':
      return go(0);
    case 'last':
      return go(state.count - 1);
    case 'mode':
      return action.mode === state.mode ? state : { ...state, mode: action.mode };
    default: {
      const never: never = action;
      throw new Error(`backprop view: unknown action ${JSON.stringify(never)}`);
    }
  }
}

/** The action a key press means while the view has focus, or null (the key then does what it normally does). */
export function stepActionForKey(key: string): StepAction | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
      return { type: 'next' };
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return { type: 'previous' };
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last' };
    default:
      return null;
  }
}

/** dl/dX_k known once steps 1..at are done, by layer (the diagram writes them under the nodes). */
export function knownGradients(view: BackpropView, at: number): Map<number, number[]> {
  const known = new Map<number, number[]>();
  for (const step of view.steps.slice(1, at + 1)) if (step.carried) known.set(step.carried.layer, step.carried.values);
  return known;
}
