// Tests of the presenter's link, the channel's messages and typing a slide number.
import { describe, expect, it } from 'vitest';
import { isLater, isPresenterWindow, moveHere, presenterHref, readMessage, receive, startSync, typeSlideNumber, type SyncMessage } from './presenterSync';

describe('presenter window', () => {
  it('is the same address with the presenter flag', () => {
    const href = presenterHref('https://x.test/nb/?present=3#net');
    expect(new URL(href).searchParams.get('present')).toBe('3');
    expect(isPresenterWindow(new URL(href).search)).toBe(true);
    expect(isPresenterWindow('?present=3')).toBe(false);
  });
});

describe('readMessage', () => {
  it.each<[unknown, ReturnType<typeof readMessage>]>([
    [{ type: 'position', slide: 2, step: 1, black: false, seq: 3, from: 'a' }, { type: 'position', slide: 2, step: 1, black: false, seq: 3, from: 'a' }],
    [{ type: 'position', slide: 2, step: 1, black: true, seq: 3, from: 'a' }, { type: 'position', slide: 2, step: 1, black: true, seq: 3, from: 'a' }],
    [{ type: 'position', slide: 2, step: 1, black: 'yes', seq: 3, from: 'a' }, null],
    [{ type: 'position', slide: 2, step: 1, seq: 3, from: 'a' }, null],
    [{ type: 'position', slide: 2, step: 1 }, null],
    [{ type: 'position', slide: 2.5, step: 0, black: false, seq: 1, from: 'a' }, null],
    [{ type: 'position', slide: 2, step: 0, black: false, seq: 1, from: 7 }, null],
    [{ type: 'ask' }, { type: 'ask' }],
    [{ type: 'other', slide: 1, step: 0 }, null],
    ['position', null],
    [null, null],
  ])('%j -> %j', (data, expected) => {
    expect(readMessage(data)).toEqual(expected);
  });
});

/** Two windows on one channel that delivers messages only when told to, in any order: the test plays the network. */
function pair() {
  const windows = {
    audience: { state: startSync('a', false), shown: { slide: 0, step: 0, black: false } },
    presenter: { state: startSync('p', true), shown: { slide: 0, step: 0, black: false } },
  };
  const inFlight: { to: keyof typeof windows; message: SyncMessage }[] = [];
  const other = (w: keyof typeof windows) => (w === 'audience' ? 'presenter' : 'audience');
  return {
    windows,
    inFlight,
    move(w: keyof typeof windows, slide: number, step = 0, black = false) {
      windows[w].shown = { slide, step, black };
      const r = moveHere(windows[w].state, windows[w].shown);
      windows[w].state = r.state;
      inFlight.push({ to: other(w), message: r.send });
    },
    ask(w: keyof typeof windows) {
      inFlight.push({ to: other(w), message: { type: 'ask' } });
    },
    /** Delivers the message at `index` of those in flight. */
    deliver(index = 0) {
      const [{ to, message }] = inFlight.splice(index, 1);
      const r = receive(windows[to].state, message, windows[to].shown);
      windows[to].state = r.state;
      if (r.follow) windows[to].shown = r.follow;
      if (r.send) inFlight.push({ to: other(to), message: r.send });
    },
  };
}

describe('two windows in step', () => {
  it('the one following never sends anything back', () => {
    const net = pair();
    net.move('audience', 1);
    net.deliver();
    expect(net.windows.presenter.shown).toEqual({ slide: 1, step: 0, black: false });
    expect(net.inFlight).toEqual([]);
  });

  it('a move that arrives after a later one made here is ignored (Home on the presenter while the audience\'s ArrowRight is on its way)', () => {
    const net = pair();
    net.move('audience', 1);
    net.deliver();
    net.move('presenter', 2);
    net.deliver();
    // Both at slide 2; the audience goes on to 3 and, before that arrives, the presenter goes Home.
    net.move('audience', 3);
    net.move('presenter', 0);
    net.move('presenter', 0, 0);
    // The presenter's moves arrive first, then the audience's older one.
    net.deliver(1);
    net.deliver(1);
    net.deliver(0);
    expect(net.inFlight).toEqual([]);
    expect(net.windows.audience.shown).toEqual(net.windows.presenter.shown);
    expect(net.windows.presenter.shown).toEqual({ slide: 0, step: 0, black: false });
  });

  it('two moves at the same moment end with both windows on the same one, whatever the order they arrive in', () => {
    for (const order of [
      [0, 0],
      [1, 0],
    ]) {
      const net = pair();
      net.move('audience', 4);
      net.move('presenter', 7);
      for (const i of order) net.deliver(i);
      expect(net.windows.audience.shown).toEqual(net.windows.presenter.shown);
    }
  });

  it('a presenter window opening asks, and takes the audience\'s slide and part', () => {
    const net = pair();
    net.windows.audience.shown = { slide: 5, step: 2, black: true };
    net.ask('presenter');
    net.deliver();
    net.deliver();
    expect(net.windows.presenter.shown).toEqual({ slide: 5, step: 2, black: true });
    expect(net.inFlight).toEqual([]);
  });

  it('B in the presenter\'s window blacks the audience\'s, which sends nothing back; B again brings it back', () => {
    const net = pair();
    net.move('audience', 3);
    net.deliver();
    net.move('presenter', 3, 0, true);
    net.deliver();
    expect(net.windows.audience.shown).toEqual({ slide: 3, step: 0, black: true });
    expect(net.inFlight).toEqual([]);
    net.move('presenter', 3, 0, false);
    net.deliver();
    expect(net.windows.audience.shown).toEqual({ slide: 3, step: 0, black: false });
  });

  it('a black screen sent before a later slide move does not come back black', () => {
    const net = pair();
    net.move('presenter', 2, 0, true);
    net.move('presenter', 2, 0, false);
    net.move('audience', 4);
    // The audience's move is later than the presenter's first (same count, but arrives after both of the presenter's).
    net.deliver(2);
    net.deliver(0);
    net.deliver(0);
    expect(net.windows.audience.shown).toEqual(net.windows.presenter.shown);
  });

  it('isLater orders by count, then by window', () => {
    expect(isLater({ seq: 2, from: 'a' }, { seq: 1, from: 'z' })).toBe(true);
    expect(isLater({ seq: 1, from: 'z' }, { seq: 1, from: 'a' })).toBe(true);
    expect(isLater({ seq: 1, from: 'a' }, { seq: 1, from: 'a' })).toBe(false);
  });
});

describe('typeSlideNumber', () => {
  const type = (keys: string[]) => {
    let digits = '';
    const results: (number | null)[] = [];
    for (const key of keys) {
      const r = typeSlideNumber(digits, key);
      digits = r.digits;
      results.push(r.goTo);
    }
    return { digits, goTo: results.filter((r) => r !== null) };
  };
  it('1, 4, Enter goes to slide 14', () => expect(type(['1', '4', 'Enter'])).toEqual({ digits: '', goTo: [14] }));
  it('1, 0, Enter goes to slide 10 (0 after a digit is a digit)', () => expect(type(['1', '0', 'Enter'])).toEqual({ digits: '', goTo: [10] }));
  it('a lone 0 is not a slide number (it resets the size)', () => expect(typeSlideNumber('', '0').used).toBe(false));
  it('Enter with nothing typed is not used', () => expect(typeSlideNumber('', 'Enter').used).toBe(false));
  it('Escape forgets the digits; Backspace takes one back', () => {
    expect(type(['2', 'Escape', 'Enter'])).toEqual({ digits: '', goTo: [] });
    expect(type(['2', '3', 'Backspace', 'Enter'])).toEqual({ digits: '', goTo: [2] });
  });
});
