// Tests of the run queue against a scripted kernel: order, counts, interrupt, restart, late outputs.
import { describe, expect, it } from 'vitest';
import { cancelledByDeathNotice, cancelledNotice, diedNotice, interruptedNotice, newCellState, notRunDeadNotice } from './cellState';
import { initialNotebookState, notebookReducer, type NotebookState } from './notebookState';
import { createRunner } from './runner';
import { createStore } from './store';
import { newCell } from './structure/cells';
import { createFakeHost, sleep, type FakeBehaviour } from './testing/fakeHost';
import type { SourceCell } from './types';

const lesson: SourceCell[] = [
  { id: '01-intro', type: 'markdown', source: '# Intro', group: 1 },
  { id: '02-a', type: 'code', source: 'print("a")', group: 2 },
  { id: '03-b', type: 'code', source: 'loop()', group: 3 },
  { id: '04-c', type: 'code', source: 'print("c")', group: 4 },
];

function setup(behaviour: FakeBehaviour) {
  const store = createStore(notebookReducer, initialNotebookState(lesson.map((c) => newCellState(c))));
  const host = createFakeHost(behaviour);
  return { store, host, runner: createRunner(host, store) };
}

const statuses = (s: NotebookState): string[] => s.cells.map((c) => c.status);

// Prints its code; a cell whose code is `loop()` waits until interrupted.
const echo: FakeBehaviour = async (_id, code, emit, signal) => {
  if (code === 'loop()') {
    await new Promise((resolve) => signal.addEventListener('abort', resolve));
    emit({ output: { kind: 'text', text: 'late output' } });
    return 'ok';
  }
  await sleep(1);
  emit({ output: { kind: 'text', text: code } });
  return code.startsWith('throw') ? 'error' : 'ok';
};

describe('createRunner', () => {
  it('never sends a cell of another language to the kernel (an imported Python cell is shown, not run)', async () => {
    const { store, host, runner } = setup(echo);
    const python = newCell('new-py', 'code', 'print(1)', { language: 'python', raw: { cell_type: 'code', source: 'print(1)' } });
    store.dispatch({ type: 'structure', event: { type: 'insertCells', index: 2, cells: [python] } });
    runner.run(['02-a', 'new-py', '04-c']);
    await runner.idle();
    expect(host.calls).toEqual(['run:02-a', 'run:04-c']);
    expect(store.getState().cells.find((c) => c.id === 'new-py')?.status).toBe('idle');
  });

  it('runs code cells in order, skipping markdown, numbering In [1], In [2]', async () => {
    const { store, host, runner } = setup(echo);
    runner.run(['01-intro', '02-a', '04-c']);
    expect(statuses(store.getState())).toEqual(['idle', 'running', 'idle', 'queued']);
    await runner.idle();
    const s = store.getState();
    expect(host.calls).toEqual(['run:02-a', 'run:04-c']);
    expect(statuses(s)).toEqual(['idle', 'done', 'idle', 'done']);
    expect([s.cells[1].execCount, s.cells[3].execCount]).toEqual([1, 2]);
    expect(s.cells[3].outputs.map((o) => o.output)).toEqual([{ kind: 'text', text: 'print("c")' }]);
    expect(s.kernel.status).toBe('idle');
  });

  it('does not queue a cell twice', async () => {
    const { host, runner } = setup(echo);
    runner.run(['02-a']);
    runner.run(['02-a', '04-c', '04-c']);
    await runner.idle();
    expect(host.calls).toEqual(['run:02-a', 'run:04-c']);
  });

  it('runs the source as it is when the run starts, including edits made while queued', async () => {
    const { store, runner } = setup(echo);
    runner.run(['02-a', '04-c']);
    store.dispatch({ type: 'cell', id: '04-c', event: { type: 'edit', source: 'print("edited")' } });
    await runner.idle();
    expect(store.getState().cells[3].outputs[0].output).toEqual({ kind: 'text', text: 'print("edited")' });
  });

  it('marks a failed run as error and goes on with the queue', async () => {
    const { store, runner } = setup(echo);
    store.dispatch({ type: 'cell', id: '02-a', event: { type: 'edit', source: 'throw 1' } });
    runner.run(['02-a', '04-c']);
    await runner.idle();
    expect(statuses(store.getState())).toEqual(['idle', 'error', 'idle', 'done']);
  });

  it('on interrupt: the running cell ends idle with the interrupted notice, queued ones are cancelled, late outputs are dropped', async () => {
    const { store, host, runner } = setup(echo);
    runner.run(['02-a', '03-b', '04-c']);
    while (store.getState().cells[2].status !== 'running') await sleep(1);
    await runner.interrupt();
    await runner.idle();
    const s = store.getState();
    expect(statuses(s)).toEqual(['idle', 'done', 'idle', 'idle']);
    expect([s.cells[2].notice, s.cells[3].notice]).toEqual([interruptedNotice, cancelledNotice]);
    expect(s.cells[2].outputs).toEqual([]);
    expect(s.notices.map((n) => n.text)).toEqual([interruptedNotice]);
    expect(host.calls).toEqual(['run:02-a', 'run:03-b', 'interrupt']);
    expect(s.kernel.status).toBe('idle');
  });

  it('leaves an idle kernel (and its state) alone on interrupt', async () => {
    const { host, runner } = setup(echo);
    await runner.interrupt();
    expect(host.calls).toEqual([]);
  });

  it('runs again after an interrupt and clears the interrupted notice', async () => {
    const { store, runner } = setup(echo);
    runner.run(['03-b']);
    await sleep(1);
    await runner.interrupt();
    runner.run(['04-c']);
    await runner.idle();
    expect(store.getState().cells[3].status).toBe('done');
    expect(store.getState().notices).toEqual([]);
  });

  it('on restart: ends what runs, restarts the count at 1 and reports the backend', async () => {
    const { store, host, runner } = setup(echo);
    runner.run(['02-a']);
    await runner.idle();
    runner.run(['03-b']);
    await runner.restart();
    expect(store.getState().cells[2].status).toBe('idle');
    runner.run(['04-c']);
    await runner.idle();
    const s = store.getState();
    expect(s.cells[3].execCount).toBe(1);
    expect(s.kernel).toEqual({ status: 'idle', backend: 'cpu', notes: [] });
    expect(host.calls).toEqual(['run:02-a', 'run:03-b', 'restart', 'run:04-c']);
  });

  it('connect shows the backend once the kernel is ready', async () => {
    const { store, runner } = setup(echo);
    expect(store.getState().kernel.status).toBe('starting');
    await runner.connect();
    expect(store.getState().kernel).toEqual({ status: 'idle', backend: 'cpu', notes: [] });
  });

  it('connect says why when the kernel does not start', async () => {
    const { store, host, runner } = setup(echo);
    host.ready = () => Promise.reject(new Error('the kernel worker failed: no WebAssembly'));
    await runner.connect();
    const s = store.getState();
    expect(s.kernel.status).toBe('unavailable');
    expect(s.notices.map((n) => n.text)).toEqual(['The kernel did not start: the kernel worker failed: no WebAssembly']);
    expect(s.notices[0].actions).toEqual([{ label: 'Restart kernel', command: 'restartKernel' }]);
  });

  it('when a kernel that was up dies: the running cell fails saying so, queued ones are cancelled, a new kernel starts and the next Run works', async () => {
    const { store, host, runner } = setup(echo);
    await runner.connect();
    runner.run(['02-a', '03-b', '04-c']);
    while (store.getState().cells[2].status !== 'running') await sleep(1);
    const restarted = runner.died('the browser ended it');
    // Said at once, before the new kernel is up.
    let s = store.getState();
    expect(statuses(s)).toEqual(['idle', 'done', 'error', 'idle']);
    expect([s.cells[2].notice, s.cells[3].notice]).toEqual([diedNotice, cancelledByDeathNotice]);
    expect(s.kernel.status).toBe('restarting');
    await restarted;
    await runner.idle();
    s = store.getState();
    expect(host.calls).toEqual(['run:02-a', 'run:03-b', 'restart']);
    expect(s.kernel).toEqual({ status: 'idle', backend: 'cpu', notes: [] });
    expect(s.execCounter).toBe(0);
    // The notice stays once the new kernel is up (it is not the "did not start" one), until the next Run.
    expect(s.notices).toEqual([{ id: 'kernel-interrupted', tone: 'error', text: 'The kernel stopped: the browser ended it. Its state was lost; a new kernel has started.' }]);

    runner.run(['04-c']);
    await runner.idle();
    s = store.getState();
    expect(s.cells[3]).toMatchObject({ status: 'done', notice: null });
    expect(s.notices).toEqual([]);
  });

  it('when a kernel that never came up stops: it stays stopped, Run says so and sends nothing, Restart kernel brings it back', async () => {
    const { store, host, runner } = setup(echo);
    runner.run(['02-a', '03-b']);
    while (store.getState().cells[2].status !== 'running') await sleep(1);
    await runner.died('its worker failed: SyntaxError');
    await host.interrupt(); // what the host does next: the pending run resolves late, and is ignored
    await runner.idle();
    let s = store.getState();
    expect(statuses(s)).toEqual(['idle', 'done', 'error', 'idle']);
    expect(s.cells[2].notice).toBe(diedNotice);
    expect(s.kernel).toEqual({ status: 'dead', backend: null, notes: [] });
    expect(s.notices).toEqual([
      { id: 'kernel', tone: 'error', text: 'The kernel stopped: its worker failed: SyntaxError. Its state is lost; restart it to run cells again.', actions: [{ label: 'Restart kernel', command: 'restartKernel' }] },
    ]);
    expect(host.calls).not.toContain('restart');

    // Run pressed on a dead kernel: nothing is sent to it, the cell says why.
    runner.run(['04-c']);
    expect(store.getState().cells[3]).toMatchObject({ status: 'idle', notice: notRunDeadNotice });
    expect(host.calls.filter((c) => c === 'run:04-c')).toEqual([]);

    await runner.restart();
    s = store.getState();
    expect(s.kernel.status).toBe('idle');
    expect(s.notices).toEqual([]);
    runner.run(['04-c']);
    await runner.idle();
    expect(store.getState().cells[3].status).toBe('done');
  });

  it('shows a kernel failure (run() rejecting) as an error output of the cell', async () => {
    const store = createStore(notebookReducer, initialNotebookState(lesson.map((c) => newCellState(c))));
    const host = createFakeHost(echo);
    host.run = () => Promise.reject(new Error('worker crashed'));
    const runner = createRunner(host, store);
    runner.run(['02-a']);
    await runner.idle();
    const cell = store.getState().cells[1];
    expect(cell.status).toBe('error');
    expect(cell.outputs[0].output).toEqual({ kind: 'error', name: 'KernelError', message: 'worker crashed' });
  });
});
