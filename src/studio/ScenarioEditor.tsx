/**
 * The studio's editor: CodeMirror 6 with Markdown (and YAML front matter) highlighting, and the engine's problems
 * underlined where they are (and marked in the gutter). Tab indents, as nested choice items need;
 * Escape then Tab leaves the editor, as CodeMirror provides, and the page says so. Ctrl+F (Cmd+F)
 * searches and replaces (@codemirror/search, loaded at the first search: not every trainer
 * searches, and it is a tenth of the editor's weight); the browser checks the spelling; Enter
 * inside a list starts the next item at the same indentation.
 */
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { markdownKeymap, markdownLanguage } from '@codemirror/lang-markdown';
import { yamlFrontmatter } from '@codemirror/lang-yaml';
import { syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { Compartment, EditorState, type Text } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import type { Point } from '../engine/types.ts';
import type { DraftProblem } from './check-draft.ts';
import { editorStyleNonce } from './style-nonce.ts';

/** What the studio can do with the editor. */
export interface EditorHandle {
  /** Replaces all the text, as one step that Undo takes back. */
  replaceText(text: string): void;
  /** The text now in the editor. */
  text(): string;
  /** Puts the cursor at a line and column (1-based), shows it, and focuses the editor. */
  goTo(point: Point): void;
  /** Underlines these problems, which were found in `text` (ignored if the text has changed since). */
  showProblems(text: string, problems: readonly DraftProblem[]): void;
  /** Opens the search bar above the text, with its Find box focused. */
  openSearch(): void;
}

export interface ScenarioEditorProps {
  readonly ref: Ref<EditorHandle>;
  readonly initialText: string;
  readonly onChange: (text: string) => void;
  /** The id of the text that explains the keys, for screen readers. */
  readonly describedBy: string;
}

/** A document position for a 1-based line and column, kept inside the document. */
function positionOf(doc: Text, point: Point): number {
  const line = doc.line(Math.min(Math.max(point.line, 1), doc.lines));
  return Math.min(line.from + Math.max(point.column, 1) - 1, line.to);
}

/** The problems worth underlining (errors and warnings), as CodeMirror diagnostics. */
function diagnosticsOf(doc: Text, problems: readonly DraftProblem[]): Diagnostic[] {
  return problems
    .filter((problem) => problem.severity !== 'info')
    .map((problem) => {
      const from = positionOf(doc, problem.start);
      return { from, to: Math.max(from, positionOf(doc, problem.end)), severity: problem.severity, message: problem.reason, source: problem.ruleId };
    });
}

/**
 * The search bar's words, for trainers rather than programmers (CodeMirror's own say `regexp`),
 * in sentence case as the site's buttons are.
 */
const searchWords = EditorState.phrases.of({
  Find: 'Find',
  Replace: 'Replace with',
  next: 'Next',
  previous: 'Previous',
  all: 'Select all',
  'match case': 'Match capitals',
  regexp: 'As a pattern',
  'by word': 'Whole words',
  replace: 'Replace',
  'replace all': 'Replace all',
  close: 'Close the search',
  'Go to line': 'Go to line',
  go: 'Go',
});

/** Where the search goes once it is loaded: empty until the first Ctrl+F or press of Find. */
const searchSlot = new Compartment();

/** Loads the search, puts it in the editor, and opens its bar. */
async function openSearch(view: EditorView): Promise<void> {
  const { highlightSelectionMatches, openSearchPanel, search, searchKeymap } = await import('@codemirror/search');
  const loaded = searchSlot.get(view.state);
  if (!Array.isArray(loaded) || loaded.length === 0) {
    // The search bar goes above the text, where the eye already is.
    view.dispatch({ effects: searchSlot.reconfigure([search({ top: true }), highlightSelectionMatches(), keymap.of(searchKeymap)]) });
  }
  openSearchPanel(view);
}

/** Ctrl+F (Cmd+F) before the search is loaded: loads it. Once loaded, its own keys come first. */
const searchOnDemand = keymap.of([{ key: 'Mod-f', run: (view) => (void openSearch(view), true), preventDefault: true }]);

/** The editor's colours come from the site's own, so it follows the light and dark themes. */
const siteTheme = EditorView.theme({
  '&': { backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border)', borderRadius: 'var(--radius)' },
  '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '2px' },
  '.cm-content': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', caretColor: 'var(--text)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--surface-muted)', color: 'var(--text-muted)', border: 'none' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--accent-soft)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--mark)' },
  '.cm-tooltip': { backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border)' },
  '.cm-panels': { backgroundColor: 'var(--surface-muted)', color: 'var(--text)' },
  '.cm-panels-top': { borderBottom: '1px solid var(--border)' },
  '.cm-panel.cm-search input, .cm-panel.cm-search button, .cm-panel.cm-search label': { fontSize: '0.9rem' },
  '.cm-textfield': { backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border)' },
  '.cm-button': { backgroundImage: 'none', backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border)' },
  '.cm-searchMatch': { backgroundColor: 'var(--mark)', outline: '1px solid var(--text-muted)' },
  '.cm-searchMatch-selected': { outline: '2px solid var(--text)' },
  '.cm-selectionMatch': { backgroundColor: 'var(--accent-soft)' },
  '.cm-panel.cm-search [name=close]': { color: 'var(--text)', fontSize: '1.2rem' },
});

export default function ScenarioEditor({ ref, initialText, onChange, describedBy }: ScenarioEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: initialText,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          history(),
          drawSelection(),
          highlightActiveLine(),
          EditorView.lineWrapping,
          // The Markdown language alone: markdown() would add HTML, CSS and JavaScript support (about
          // 40 KB gzipped) for embedded code that scenario files do not have.
          yamlFrontmatter({ content: markdownLanguage }),
          syntaxHighlighting(classHighlighter),
          lintGutter(),
          searchSlot.of([]),
          searchOnDemand,
          searchWords,
          // Markdown's Enter comes first: inside a list it starts the next item at the same
          // indentation (a `- feedback:` stays under its choice); elsewhere it falls through to
          // the default, which keeps the line's indentation.
          keymap.of([...markdownKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
          siteTheme,
          // CodeMirror's own styles go in a <style> element: the page's Content-Security-Policy lets in the one with this nonce.
          EditorView.cspNonce.of(editorStyleNonce),
          // tabindex says out loud what contenteditable already means, so checkers see that the scrolling area holds something focusable.
          // spellcheck: most of a scenario is prose the trainees read, so the browser's spelling check is worth its underlines.
          EditorView.contentAttributes.of({ 'aria-label': 'Scenario Markdown', 'aria-describedby': describedBy, tabindex: '0', spellcheck: 'true', autocorrect: 'off', autocapitalize: 'off' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) changed.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => editor.destroy();
    // The editor is made once; later text comes in through the handle.
  }, []);

  useImperativeHandle(ref, () => ({
    replaceText(text) {
      const editor = view.current!;
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });
    },
    text: () => view.current?.state.doc.toString() ?? initialText,
    goTo(point) {
      const editor = view.current!;
      const at = positionOf(editor.state.doc, point);
      editor.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'center' }) });
      editor.focus();
    },
    showProblems(text, problems) {
      const editor = view.current;
      if (!editor || editor.state.doc.toString() !== text) return;
      editor.dispatch(setDiagnostics(editor.state, diagnosticsOf(editor.state.doc, problems)));
    },
    openSearch() {
      void openSearch(view.current!);
    },
  }));

  return <div ref={host} className="studio-editor" />;
}
