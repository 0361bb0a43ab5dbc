// Tests for which cells depend on the network and what happens to them when it changes.
import { describe, expect, it } from 'vitest';
import { newCellState, type CellStatus } from '../cellState';
import { initialNotebookState, notebookReducer } from '../notebookState';
import { analyseCells } from './paramsAnalysis';
import { dependentCells, planRerun, rerunAfterChange, staleNotice, trackRuns, whenCellSettles, type CellAnalysis } from './paramsDeps';
import { createRunner } from '../runner';
import { createStore } from '../store';
import { createFakeHost, sleep } from '../testing/fakeHost';

const cell = (id: string, uses: string[], declared: string[] = [], expensive = false): CellAnalysis => ({ id, uses: new Set(uses), declared, expensive });

describe('dependentCells', () => {
  it('finds the cells that use params, and those that use what they declare, transitively', () => {
    const cells = [
      cell('02-setup', ['la'], ['sigmoid']),
      cell('05-forward', ['params', 'sigmoid'], ['X', 'z']),
      cell('07-unrelated', ['la', 'sigmoid'], ['eye']),
      cell('09-grads', ['X', 'eye'], ['dldW']),
      cell('11-print', ['dldW', 'print']),
    ];
    expect(dependentCells(cells).map((d) => d.id)).toEqual(['05-forward', '09-grads', '11-print']);
  });

  it('does not depend on the order the names appear in (the kernel looks names up at run time)', () => {
    const cells = [cell('a', ['later']), cell('b', ['params'], ['later'])];
    expect(dependentCells(cells).map((d) => d.id)).toEqual(['a', 'b']);
  });

  it('marks expensive cells slow, and the cells that use their results', () => {
    const cells = [
      cell('05-forward', ['params'], ['net']),
      cell('15-timing', ['net', 'bench'], ['timings'], true),
      cell('16-table', ['timings'], ['rows']),
      cell('16-chart', ['rows']),
      cell('17-fast', ['net']),
    ];
    expect(dependentCells(cells)).toEqual([
      { id: '05-forward', slow: false },
      { id: '15-timing', slow: true },
      { id: '16-table', slow: true },
      { id: '16-chart', slow: true },
      { id: '17-fast', slow: false },
    ]);
  });

  it('leaves out expensive cells that do not depend on the network', () => {
    expect(dependentCells([cell('15-timing', ['bench'], [], true)])).toEqual([]);
  });

  it('follows another changed name', () => {
    expect(dependentCells([cell('a', ['params']), cell('b', ['relu'])], 'relu').map((d) => d.id)).toEqual(['b']);
  });
});

describe('planRerun', () => {
  const dependents = [
    { id: 'a', slow: false },
    { id: 'b', slow: false },
    { id: 'c', slow: true },
    { id: 'd', slow: false },
    { id: 'e', slow: false },
  ];
  const statuses: Record<string, CellStatus> = { a: 'done', b: 'error', c: 'done', d: 'running', e: 'queued' };

  it('re-runs dependents that ran, marks slow ones stale, and leaves queued ones (they read the new network)', () => {
    const plan = planRerun(dependents, new Set(['a', 'b', 'c', 'd', 'e']), (id) => statuses[id]);
    expect(plan).toEqual({ rerun: ['a', 'b'], stale: ['c'], staleWhenDone: ['d'] });
  });

  it('leaves cells that did not run in this kernel alone', () => {
    expect(planRerun(dependents, new Set(['c']), (id) => statuses[id])).toEqual({ rerun: [], stale: ['c'], staleWhenDone: [] });
  });

  it('holds every re-run when told to (the dense method would be slow)', () => {
    expect(planRerun(dependents, new Set(['a', 'b']), (id) => statuses[id], true)).toEqual({ rerun: [], stale: ['a', 'b'], staleWhenDone: [] });
  });
});

function notebookStore() {
  const cells = ['x', 'y'].map((id) => newCellState({ id, type: 'code', group: 1, source: `${id}()` }));
  return createStore(notebookReducer, initialNotebookState(cells));
}

describe('trackRuns', () => {
  it('counts cells that ran before it started (a click before the panel mounted)', () => {
    const store = notebookStore();
    store.dispatch({ type: 'startRun', id: 'y' });
    store.dispatch({ type: 'cell', id: 'y', event: { type: 'finish', status: 'ok' } });
    expect([...trackRuns(store).ran()]).toEqual(['y']);
  });

  it('remembers cells that started a run, and forgets them when the kernel restarts', () => {
    const store = notebookStore();
    const runs = trackRuns(store);
    store.dispatch({ type: 'startRun', id: 'x' });
    store.dispatch({ type: 'cell', id: 'x', event: { type: 'finish', status: 'ok' } });
    expect([...runs.ran()]).toEqual(['x']);
    store.dispatch({ type: 'kernel', kernel: { status: 'restarting' } });
    expect(runs.ran().size).toBe(0);
    store.dispatch({ type: 'kernel', kernel: { status: 'idle' } });
    store.dispatch({ type: 'startRun', id: 'y' });
    expect([...runs.ran()]).toEqual(['y']);
    runs.dispose();
    store.dispatch({ type: 'startRun', id: 'x' });
    expect([...runs.ran()]).toEqual(['y']);
  });
});

describe('whenCellSettles', () => {
  it('waits for a running cell to finish', () => {
    const store = notebookStore();
    store.dispatch({ type: 'startRun', id: 'x' });
    const seen: string[] = [];
    whenCellSettles(store, 'x', () => seen.push('settled'));
    store.dispatch({ type: 'cell', id: 'x', event: { type: 'output', message: { output: { kind: 'text', text: 'hi' } } } });
    expect(seen).toEqual([]);
    store.dispatch({ type: 'cell', id: 'x', event: { type: 'finish', status: 'ok' } });
    store.dispatch({ type: 'startRun', id: 'x' });
    store.dispatch({ type: 'cell', id: 'x', event: { type: 'finish', status: 'ok' } });
    expect(seen).toEqual(['settled']);
  });

  it('calls at once for an idle cell', () => {
    const seen: string[] = [];
    whenCellSettles(notebookStore(), 'y', () => seen.push('now'));
    expect(seen).toEqual(['now']);
  });
});

describe('rerunAfterChange', () => {
  const lesson = [
    { id: '02-net', source: 'const { W } = params;' },
    { id: '03-other', source: 'const one = 1;' },
    { id: '04-grads', source: 'const g = W.length + one;' },
    { id: '05-timing', source: 'const t = await bench(() => g);' },
    { id: '06-unran', source: 'print(params);' },
  ];

  function setup() {
    const cells = lesson.map((c, at) => newCellState({ ...c, type: 'code', group: at + 2 }));
    const store = createStore(notebookReducer, initialNotebookState(cells));
    const host = createFakeHost(async () => {
      await sleep(2);
      return 'ok';
    });
    const runner = createRunner(host, store);
    const runs = trackRuns(store);
    return { store, host, runner, runs };
  }

  it('waits for the running cells, re-runs the dependents that ran in order, marks the timing one stale', async () => {
    const { store, host, runner, runs } = setup();
    runner.run(['02-net', '03-other', '04-grads', '05-timing']);
    // The change lands mid-run: nothing is re-queued until the run ends.
    const report = rerunAfterChange({ runner, store, ran: runs.ran, analyse: analyseCells, holdAll: false, stillCurrent: () => true });
    await expect(report).resolves.toEqual({ rerun: 2, stale: 1 });
    await runner.idle();
    expect(host.calls).toEqual(['run:02-net', 'run:03-other', 'run:04-grads', 'run:05-timing', 'run:02-net', 'run:04-grads']);
    const timing = store.getState().cells.find((c) => c.id === '05-timing');
    expect(timing?.notice).toBe(staleNotice);
    expect(timing?.execCount).toBe(4);
  });

  it('marks every dependent stale when told to hold, and does nothing for a change that was superseded', async () => {
    const { store, host, runner, runs } = setup();
    runner.run(['02-net', '04-grads']);
    await runner.idle();
    await expect(rerunAfterChange({ runner, store, ran: runs.ran, analyse: analyseCells, holdAll: false, stillCurrent: () => false })).resolves.toBeNull();
    await expect(rerunAfterChange({ runner, store, ran: runs.ran, analyse: analyseCells, holdAll: true, stillCurrent: () => true })).resolves.toEqual({ rerun: 0, stale: 2 });
    expect(host.calls).toEqual(['run:02-net', 'run:04-grads']);
    expect(store.getState().cells.filter((c) => c.notice === staleNotice).map((c) => c.id)).toEqual(['02-net', '04-grads']);
  });
});
