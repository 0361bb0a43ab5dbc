import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { InMoreMenuContext, ToolbarButton } from './ToolbarButton';

describe('ToolbarButton', () => {
  it('in the bar: a button that can be pressed, with its own class', () => {
    const html = renderToStaticMarkup(
      <ToolbarButton className="btn btn-quiet" aria-pressed={true}>
        Present
      </ToolbarButton>,
    );
    expect(html).toBe('<button type="button" class="btn btn-quiet" aria-pressed="true">Present</button>');
  });

  it('in the More menu: a menu item, which ARIA gives no pressed state', () => {
    const html = renderToStaticMarkup(
      <InMoreMenuContext value={true}>
        <ToolbarButton aria-pressed={false} disabled>
          Present
        </ToolbarButton>
      </InMoreMenuContext>,
    );
    expect(html).toBe('<button type="button" class="btn" disabled="" role="menuitem">Present</button>');
  });
});
