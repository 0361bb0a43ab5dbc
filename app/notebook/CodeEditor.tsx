// The TypeScript editor of a code cell: CodeMirror 6, loaded lazily (its chunk holds CodeMirror).
import { javascript } from '@codemirror/lang-javascript';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { Prec } from '@codemirror/state';
import { tags } from '@lezer/highlight';
import { basicSetup, EditorView } from 'codemirror';
import { keymap } from '@codemirror/view';
import { useContext, useEffect, useLayoutEffect, useRef } from 'react';
import { codeMirrorKey, shortcuts, type KeyCommand } from './keys';
import { DeferredMountsContext } from './deferredMount';

export interface EditorHandle {
  focus(): void;
  /** Where the cursor is, as an offset into the source (Split cuts there). */
  cursor(): number;
}

export interface CodeEditorProps {
  value: string;
  label: string;
  onChange(source: string): void;
  onKeyCommand(command: KeyCommand): void;
  onFocusChange(focused: boolean): void;
  /** Called with a handle once the editor exists, and with null when it goes away. */
  onHandle(handle: EditorHandle | null): void;
}

// Colours come from CSS variables, so one definition follows the page's light or dark scheme.
const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.moduleKeyword, tags.operatorKeyword], color: 'var(--syn-keyword)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--syn-string)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--syn-number)' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: 'var(--syn-comment)', fontStyle: 'italic' },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: 'var(--syn-function)' },
  { tag: [tags.typeName, tags.className], color: 'var(--syn-type)' },
  { tag: [tags.definition(tags.variableName)], color: 'var(--syn-definition)' },
]);

const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--code-bg)', color: 'var(--fg)', fontSize: '0.875rem' },
  '.cm-content': { fontFamily: 'var(--mono)', caretColor: 'var(--fg)' },
  '.cm-gutters': { backgroundColor: 'var(--code-bg)', color: 'var(--muted)', border: 'none' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--active-line)' },
  '&.cm-focused': { outline: 'none' },
  '&.cm-focused .cm-cursor': { borderLeftColor: 'var(--fg)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--selection)' },
  '.cm-tooltip': { backgroundColor: 'var(--bg-raised)', color: 'var(--fg)', border: '1px solid var(--border)' },
});

export default function CodeEditor({ value, label, onChange, onKeyCommand, onFocusChange, onHandle }: CodeEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const mounts = useContext(DeferredMountsContext);
  // The editor is built once; these always point at the latest callbacks from React.
  const callbacks = useRef({ onChange, onKeyCommand, onFocusChange });
  useEffect(() => {
    callbacks.current = { onChange, onKeyCommand, onFocusChange };
  });

  // Built before the browser paints (the placeholder it replaces is gone by then: no frame with an
  // empty box), and the page kept in place around it at once.
  useLayoutEffect(() => {
    const bind = (leaving: boolean) =>
      keymap.of(
        shortcuts
          .filter((s) => s.modes.includes('edit') && (s.command === 'leaveEditor') === leaving)
          .map((s) => ({
            key: codeMirrorKey(s),
            run: () => {
              callbacks.current.onKeyCommand(s.command);
              return true;
            },
          })),
      );
    const view = new EditorView({
      doc: value,
      parent: hostRef.current as HTMLDivElement,
      extensions: [
        // Run keys beat CodeMirror's own Shift/Mod-Enter; Esc comes last, after closing a completion list.
        Prec.highest(bind(false)),
        basicSetup,
        Prec.low(bind(true)),
        javascript({ typescript: true }),
        syntaxHighlighting(highlight),
        theme,
        // Wrapped lines instead of a sideways scroll: narrow pair columns and phones stay readable.
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) callbacks.current.onChange(update.state.doc.toString());
          if (update.focusChanged) callbacks.current.onFocusChange(update.view.hasFocus);
        }),
      ],
    });
    viewRef.current = view;
    mounts?.keeper.keepInPlace();
    onHandle({ focus: () => view.focus(), cursor: () => view.state.selection.main.head });
    return () => {
      onHandle(null);
      view.destroy();
      viewRef.current = null;
    };
    // The view is created once per mount; later values arrive through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A change from outside (revert, "use mine") replaces the document; typing does not come back here.
  useEffect(() => {
    const view = viewRef.current;
    if (view && view.state.doc.toString() !== value) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value } });
    }
  }, [value]);

  return <div ref={hostRef} className="code-editor" />;
}
