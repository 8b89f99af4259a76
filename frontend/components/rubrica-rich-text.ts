/**
 * <rubrica-rich-text>: the oficio body editor, TipTap (ProseMirror) limited to the body subset the server
 * keeps (org.rubrica.templates.RichText): paragraphs, headings h1–h4, bold, italic, underline, bullet and
 * ordered lists, tables, http/https/mailto links and hard breaks. Anything else that is pasted or set is
 * dropped by the schema; pasted HTML is also cleaned of styles, classes and Word's mso markup first.
 *
 * Properties: value (HTML; '' when empty), readonly, disabled (attribute), dirty, label, helperText,
 * errorMessage, invalid, required, i18n (toolbar and link form texts).
 * Events: value-changed (500 ms after typing stops, at once on blur), dirty-changed, backup-found
 * (detail: {html, savedAt}) when the browser holds unsaved text for this storage-key that differs from the
 * value the server gave.
 * Methods: focus(), markSaved(html): the server saved html; forget the local backup if nothing changed since.
 */
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Underline from '@tiptap/extension-underline';
import Link from '@tiptap/extension-link';
import { Table } from '@tiptap/extension-table';
import { TableRow } from '@tiptap/extension-table-row';
import { TableCell } from '@tiptap/extension-table-cell';
import { TableHeader } from '@tiptap/extension-table-header';

const TAG = 'rubrica-rich-text';
const VALUE_DEBOUNCE_MS = 500;
const BACKUP_PREFIX = 'rubrica-rich-text:';

/** Link targets the server keeps: absolute http(s) and mailto, no control characters hiding a scheme. */
export function isAllowedHref(href: string | null | undefined): boolean {
  if (!href) {
    return false;
  }
  const trimmed = href.trim();
  // eslint-disable-next-line no-control-regex
  return /^(https?:\/\/[^\s]|mailto:[^\s])/i.test(trimmed) && !/[\u0000-\u001f\u007f]/.test(trimmed);
}

/** Elements dropped with their content when pasted. */
const DROP_WITH_CONTENT = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'CANVAS', 'VIDEO',
  'AUDIO', 'IMG', 'PICTURE', 'INPUT', 'BUTTON', 'SELECT', 'TEXTAREA', 'HEAD', 'TITLE', 'META', 'LINK', 'BASE',
  'XML',
]);

/**
 * Cleans pasted HTML before the schema sees it: drops scripts, styles, images, comments (Word's conditional
 * ones included) and o:p elements; turns Word's list paragraphs into lists; turns inline
 * bold/italic/underline styles into b/i/u (so Google Docs and Word formatting survives) and b with
 * font-weight normal (Google Docs' wrapper) into plain text; then removes every attribute except a safe
 * href on links. Parsed in an inert document: nothing in it loads or runs.
 */
export function cleanPastedHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const body = doc.body;
  const comments: Node[] = [];
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_COMMENT);
  while (walker.nextNode()) {
    comments.push(walker.currentNode);
  }
  comments.forEach((c) => c.parentNode?.removeChild(c));
  convertWordLists(body);

  for (const element of Array.from(body.querySelectorAll('*'))) {
    if (!element.isConnected) {
      continue; // inside something already removed
    }
    const tag = element.tagName.toUpperCase();
    const style = (element.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
    if (DROP_WITH_CONTENT.has(tag) || style.includes('mso-list:ignore') || style.includes('display:none')) {
      element.remove();
      continue;
    }
    if (tag.includes(':')) {
      unwrap(element); // o:p, w:sdt and other Office namespaces
      continue;
    }
    if ((tag === 'B' || tag === 'STRONG') && /font-weight:(normal|400)/.test(style)) {
      unwrap(element);
      continue;
    }
    if (element instanceof HTMLElement && style) {
      const weight = element.style.fontWeight;
      const bold = weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
      const italic = element.style.fontStyle === 'italic';
      const underline = (element.style.textDecoration || element.style.textDecorationLine || '').includes('underline');
      if (bold && !/^(B|STRONG|H[1-6]|TH)$/.test(tag)) wrapContent(element, 'b');
      if (italic && tag !== 'I' && tag !== 'EM') wrapContent(element, 'i');
      if (underline && tag !== 'U') wrapContent(element, 'u');
    }
    for (const attribute of Array.from(element.attributes)) {
      const keep = tag === 'A' && attribute.name === 'href' && isAllowedHref(attribute.value);
      if (!keep) {
        element.removeAttribute(attribute.name);
      }
    }
  }
  return body.innerHTML;
}

/**
 * Word pastes a list as paragraphs styled mso-list:lN, each starting with its marker in a
 * mso-list:Ignore span. Consecutive ones become one ul (or ol when the markers are numbers or letters);
 * nesting levels are flattened.
 */
function convertWordLists(body: HTMLElement) {
  const paragraphs = Array.from(body.querySelectorAll('p')).filter((p) =>
    /mso-list:\s*l\d+/i.test(p.getAttribute('style') ?? ''));
  let list: HTMLElement | null = null;
  for (const paragraph of paragraphs) {
    const marker = Array.from(paragraph.querySelectorAll('span')).find((span) =>
      /mso-list:\s*ignore/i.test(span.getAttribute('style') ?? ''));
    const markerText = (marker?.textContent ?? '').replace(/[\s\u00a0]+/g, '');
    const tag = /^\(?[0-9a-z]{1,4}[.)]$/i.test(markerText) ? 'OL' : 'UL';
    marker?.remove();
    if (!list || paragraph.previousElementSibling !== list || list.tagName !== tag) {
      list = body.ownerDocument.createElement(tag);
      paragraph.before(list);
    }
    const item = body.ownerDocument.createElement('li');
    while (paragraph.firstChild) {
      item.appendChild(paragraph.firstChild);
    }
    list.appendChild(item);
    paragraph.remove();
  }
}

function unwrap(element: Element) {
  const parent = element.parentNode;
  if (!parent) {
    return;
  }
  while (element.firstChild) {
    parent.insertBefore(element.firstChild, element);
  }
  element.remove();
}

function wrapContent(element: Element, tag: string) {
  const wrapper = element.ownerDocument.createElement(tag);
  while (element.firstChild) {
    wrapper.appendChild(element.firstChild);
  }
  element.appendChild(wrapper);
}

/**
 * The schema wraps the text of every list item and table cell in a paragraph; a lone paragraph is unwrapped
 * (<li><p>x</p></li> becomes <li>x</li>), so the printed oficio does not add paragraph spacing inside lists
 * and tables. Loading the result gives the same document back.
 */
export function compactHtml(html: string): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const container of Array.from(template.content.querySelectorAll('li, td, th'))) {
    const only = container.children.length === 1 ? container.firstElementChild : null;
    const alone = only?.tagName === 'P'
      && Array.from(container.childNodes).every((n) => n === only || (n.nodeType === Node.TEXT_NODE && !n.textContent?.trim()));
    if (only && alone) {
      only.replaceWith(...Array.from(only.childNodes));
    }
  }
  return template.innerHTML;
}

/** Cells carry no spans, widths or alignment: the server keeps plain td/th. */
const plainCellAttributes = () => ({
  colspan: { default: 1, parseHTML: () => 1, renderHTML: () => ({}) },
  rowspan: { default: 1, parseHTML: () => 1, renderHTML: () => ({}) },
  colwidth: { default: null, parseHTML: () => null, renderHTML: () => ({}) },
});

const BodyTable = Table.extend({
  renderHTML() {
    return ['table', {}, ['tbody', 0]];
  },
});

/** Links carry their address only (no target, rel, class or title). */
const BodyLink = Link.extend({
  addAttributes() {
    return { href: { default: null, parseHTML: (element: HTMLElement) => element.getAttribute('href') } };
  },
  renderHTML({ HTMLAttributes }) {
    const href = HTMLAttributes.href as string | null;
    return ['a', isAllowedHref(href) ? { href } : {}, 0];
  },
});

interface Backup {
  html: string;
  savedAt: number;
}

function readBackup(key: string): Backup | null {
  try {
    const raw = window.localStorage.getItem(BACKUP_PREFIX + key);
    const parsed = raw ? JSON.parse(raw) : null;
    return parsed && typeof parsed.html === 'string' ? parsed : null;
  } catch {
    return null; // storage blocked or garbage: no backup
  }
}

function writeBackup(key: string, html: string) {
  try {
    window.localStorage.setItem(BACKUP_PREFIX + key, JSON.stringify({ html, savedAt: Date.now() }));
  } catch {
    // storage full or blocked: the beforeunload warning still protects the text
  }
}

function removeBackup(key: string) {
  try {
    window.localStorage.removeItem(BACKUP_PREFIX + key);
  } catch {
    // nothing to do
  }
}

const DEFAULT_I18N: Record<string, string> = {
  toolbar: 'Formato',
  bold: 'Negrita',
  italic: 'Cursiva',
  underline: 'Subrayado',
  heading2: 'Título',
  heading3: 'Subtítulo',
  bulletList: 'Lista con viñetas',
  orderedList: 'Lista numerada',
  link: 'Enlace',
  table: 'Insertar tabla',
  addRow: 'Añadir fila',
  addColumn: 'Añadir columna',
  deleteRow: 'Eliminar fila',
  deleteColumn: 'Eliminar columna',
  deleteTable: 'Eliminar tabla',
  undo: 'Deshacer',
  redo: 'Rehacer',
  linkAddress: 'Dirección del enlace (https://…, mailto:…)',
  linkApply: 'Aplicar',
  linkRemove: 'Quitar enlace',
  linkCancel: 'Cancelar',
  linkInvalid: 'Solo se admiten direcciones https://, http:// o mailto:.',
  required: 'obligatorio',
};

type Action = {
  id: string;
  icon: string;
  run: (editor: Editor) => void;
  active?: (editor: Editor) => boolean;
  enabled?: (editor: Editor) => boolean;
  tableOnly?: boolean;
};

const svg = (path: string) =>
  `<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="${path}"/></svg>`;

const ACTIONS: Action[] = [
  { id: 'bold', icon: '<b>B</b>', run: (e) => e.chain().focus().toggleBold().run(), active: (e) => e.isActive('bold') },
  { id: 'italic', icon: '<i>I</i>', run: (e) => e.chain().focus().toggleItalic().run(), active: (e) => e.isActive('italic') },
  { id: 'underline', icon: '<u>U</u>', run: (e) => e.chain().focus().toggleUnderline().run(), active: (e) => e.isActive('underline') },
  { id: 'heading2', icon: 'H2', run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(), active: (e) => e.isActive('heading', { level: 2 }) },
  { id: 'heading3', icon: 'H3', run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(), active: (e) => e.isActive('heading', { level: 3 }) },
  {
    id: 'bulletList',
    icon: svg('M4 6.5a1.5 1.5 0 1 0 0 .01zM4 12a1.5 1.5 0 1 0 0 .01zM4 17.5a1.5 1.5 0 1 0 0 .01zM8 5.5h13v2H8zM8 11h13v2H8zM8 16.5h13v2H8z'),
    run: (e) => e.chain().focus().toggleBulletList().run(),
    active: (e) => e.isActive('bulletList'),
  },
  {
    id: 'orderedList',
    icon: svg('M3 4h2v5H3.8V5.2H3zM2.8 14.5l1.6-1.7c.3-.3.3-.8-.1-.8-.3 0-.5.2-.6.5l-1-.4c.3-.8.9-1.2 1.7-1.2 1 0 1.6.6 1.6 1.4 0 .5-.2.9-.6 1.3l-.8.8H6v1.1H2.8zM8 5.5h13v2H8zM8 11h13v2H8zM8 16.5h13v2H8z'),
    run: (e) => e.chain().focus().toggleOrderedList().run(),
    active: (e) => e.isActive('orderedList'),
  },
  {
    id: 'link',
    icon: svg('M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a1 1 0 1 1 1.4 1.4L12 13.4a1 1 0 0 1-1.4 0zM7 18a3 3 0 0 1-2.1-5.1l2.8-2.8 1.4 1.4-2.8 2.8a1 1 0 0 0 1.4 1.4l2.8-2.8 1.4 1.4-2.8 2.8A3 3 0 0 1 7 18zm8.3-4.1-1.4-1.4 2.8-2.8a1 1 0 0 0-1.4-1.4l-2.8 2.8-1.4-1.4 2.8-2.8a3 3 0 0 1 4.2 4.2z'),
    run: () => undefined, // opens the link form, see below
    active: (e) => e.isActive('link'),
  },
  {
    id: 'table',
    icon: svg('M3 4h18v16H3zm2 2v3h6V6zm8 0v3h6V6zm-8 5v3h6v-3zm8 0v3h6v-3zm-8 5v2h6v-2zm8 0v2h6v-2z'),
    run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    enabled: (e) => e.can().insertTable({ rows: 3, cols: 3, withHeaderRow: true }),
  },
  { id: 'addRow', icon: '+▤', run: (e) => e.chain().focus().addRowAfter().run(), tableOnly: true },
  { id: 'addColumn', icon: '+▥', run: (e) => e.chain().focus().addColumnAfter().run(), tableOnly: true },
  { id: 'deleteRow', icon: '−▤', run: (e) => e.chain().focus().deleteRow().run(), tableOnly: true },
  { id: 'deleteColumn', icon: '−▥', run: (e) => e.chain().focus().deleteColumn().run(), tableOnly: true },
  { id: 'deleteTable', icon: '✕▦', run: (e) => e.chain().focus().deleteTable().run(), tableOnly: true },
  {
    id: 'undo',
    icon: svg('M8 7V3L2 9l6 6v-4h6a4 4 0 0 1 0 8h-3v2h3a6 6 0 0 0 0-12z'),
    run: (e) => e.chain().focus().undo().run(),
    enabled: (e) => e.can().undo(),
  },
  {
    id: 'redo',
    icon: svg('M16 7V3l6 6-6 6v-4h-6a4 4 0 0 0 0 8h3v2h-3a6 6 0 0 1 0-12z'),
    run: (e) => e.chain().focus().redo().run(),
    enabled: (e) => e.can().redo(),
  },
];

const STYLES = `
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--lumo-font-family, system-ui, sans-serif);
    font-size: var(--lumo-font-size-m, 1rem);
    color: var(--lumo-body-text-color, #1a1a1a);
    padding: var(--lumo-space-xs, 0.25rem) 0;
  }
  :host([hidden]) { display: none !important; }
  .field { display: flex; flex-direction: column; height: 100%; min-height: 0; }
  [part='label'] {
    font-size: var(--lumo-font-size-s, 0.875rem);
    font-weight: 500;
    color: var(--lumo-secondary-text-color, #555);
    padding-bottom: 0.4em;
    cursor: default;
  }
  [part='label']:empty { display: none; }
  [part='required-indicator'] { display: none; color: var(--lumo-required-field-indicator-color, var(--lumo-primary-text-color, #1676f3)); margin-inline-start: 0.2em; }
  [part='required-indicator']::after { content: var(--lumo-required-field-indicator, '•'); }
  :host([required]) [part='required-indicator'] { display: inline; }
  :host([invalid]) [part='required-indicator'] { color: var(--lumo-error-text-color, #c00); }
  [part='box'] {
    display: flex; flex-direction: column; flex: 1 1 auto; min-height: 0;
    border: 1px solid var(--lumo-contrast-30pct, #aaa);
    border-radius: var(--lumo-border-radius-m, 0.25rem);
    background: var(--lumo-base-color, #fff);
  }
  :host([focused]) [part='box'] { border-color: var(--lumo-primary-color, #1676f3); box-shadow: 0 0 0 2px var(--lumo-primary-color-50pct, rgba(22,118,243,.5)); }
  :host([invalid]) [part='box'] { border-color: var(--lumo-error-color, #c00); }
  [part='toolbar'] {
    display: flex; flex-wrap: wrap; gap: 2px; padding: 4px;
    border-bottom: 1px solid var(--lumo-contrast-10pct, #e6e6e6);
    background: var(--lumo-contrast-5pct, #f5f5f5);
  }
  :host([readonly]) [part='toolbar'], :host([disabled]) [part='toolbar'] { display: none; }
  [part='toolbar'] button {
    min-width: 2.25em; height: 2.25em; padding: 0 0.4em;
    border: 1px solid transparent; border-radius: var(--lumo-border-radius-s, 0.2rem);
    background: transparent; color: inherit; font: inherit; font-size: var(--lumo-font-size-s, 0.875rem);
    cursor: pointer; display: inline-flex; align-items: center; justify-content: center;
  }
  [part='toolbar'] button:hover:not(:disabled) { background: var(--lumo-contrast-10pct, #e6e6e6); }
  [part='toolbar'] button:focus-visible { outline: 2px solid var(--lumo-primary-color, #1676f3); outline-offset: 1px; }
  [part='toolbar'] button[aria-pressed='true'] { background: var(--lumo-primary-color-10pct, #e3eefc); border-color: var(--lumo-primary-color-50pct, #8ab6f8); }
  [part='toolbar'] button:disabled { opacity: 0.4; cursor: default; }
  [part='toolbar'] button[hidden] { display: none; }
  [part='toolbar'] svg { width: 1.2em; height: 1.2em; fill: currentColor; }
  [part='toolbar'] .separator { width: 1px; margin: 4px 3px; background: var(--lumo-contrast-20pct, #ccc); }
  [part='link-form'] {
    display: flex; flex-wrap: wrap; align-items: center; gap: 0.4em; padding: 4px 6px;
    border-bottom: 1px solid var(--lumo-contrast-10pct, #e6e6e6); font-size: var(--lumo-font-size-s, 0.875rem);
  }
  [part='link-form'][hidden] { display: none; }
  [part='link-form'] input { flex: 1 1 16em; font: inherit; padding: 0.3em 0.4em; border: 1px solid var(--lumo-contrast-30pct, #aaa); border-radius: 4px; }
  [part='link-form'] .link-error { flex-basis: 100%; color: var(--lumo-error-text-color, #c00); }
  [part='link-form'] .link-error:empty { display: none; }
  [part='content'] { flex: 1 1 auto; overflow: auto; min-height: var(--rubrica-rich-text-min-height, 14em); }
  .ProseMirror {
    position: relative; min-height: 100%; box-sizing: border-box; padding: 0.5em 0.75em;
    white-space: pre-wrap; word-wrap: break-word; font-variant-ligatures: none; outline: none; line-height: 1.5;
  }
  .ProseMirror [contenteditable='false'] { white-space: normal; }
  .ProseMirror p { margin: 0 0 0.6em; }
  .ProseMirror h1, .ProseMirror h2, .ProseMirror h3, .ProseMirror h4 { margin: 0.6em 0 0.4em; line-height: 1.25; }
  .ProseMirror h1 { font-size: 1.6em; } .ProseMirror h2 { font-size: 1.35em; }
  .ProseMirror h3 { font-size: 1.15em; } .ProseMirror h4 { font-size: 1em; }
  .ProseMirror ul, .ProseMirror ol { padding-inline-start: 1.6em; margin: 0 0 0.6em; }
  .ProseMirror li > p { margin: 0; }
  .ProseMirror a { color: var(--lumo-primary-text-color, #1676f3); }
  .ProseMirror table { border-collapse: collapse; margin: 0.4em 0 0.8em; width: 100%; table-layout: fixed; }
  .ProseMirror td, .ProseMirror th { border: 1px solid var(--lumo-contrast-30pct, #aaa); padding: 0.25em 0.4em; vertical-align: top; position: relative; }
  .ProseMirror th { background: var(--lumo-contrast-5pct, #f5f5f5); font-weight: 600; text-align: start; }
  .ProseMirror td > p, .ProseMirror th > p { margin: 0; }
  .ProseMirror .selectedCell::after { content: ''; position: absolute; inset: 0; background: var(--lumo-primary-color-10pct, rgba(22,118,243,.15)); pointer-events: none; }
  .ProseMirror-hideselection *::selection { background: transparent; }
  .ProseMirror-hideselection { caret-color: transparent; }
  .ProseMirror-gapcursor { display: none; pointer-events: none; position: absolute; }
  .ProseMirror-gapcursor::after { content: ''; display: block; position: absolute; top: -2px; width: 20px; border-top: 1px solid currentColor; animation: gapcursor-blink 1.1s steps(2, start) infinite; }
  @keyframes gapcursor-blink { to { visibility: hidden; } }
  .ProseMirror-focused .ProseMirror-gapcursor { display: block; }
  [part='helper-text'], [part='error-message'] { font-size: var(--lumo-font-size-xs, 0.8125rem); line-height: 1.4; padding-top: 0.3em; }
  [part='helper-text'] { color: var(--lumo-secondary-text-color, #555); }
  [part='helper-text']:empty { display: none; }
  [part='error-message'] { color: var(--lumo-error-text-color, #c00); display: none; }
  :host([invalid]) [part='error-message']:not(:empty) { display: block; }
`;

let idCounter = 0;

const UPGRADED_PROPERTIES = ['value', 'readonly', 'dirty', 'storageKey', 'label', 'helperText', 'errorMessage',
  'invalid', 'required', 'i18n'];

export class RubricaRichText extends HTMLElement {
  static get observedAttributes() {
    return ['storage-key', 'disabled'];
  }

  /** Forgets the backup under key if it holds exactly html (the server saved it); works with no element. */
  static forgetBackup(key: string, html: string) {
    if (!key) {
      return;
    }
    const backup = readBackup(key);
    if (backup && backup.html === html) {
      removeBackup(key);
    }
  }

  /** Forgets the backup under key, whatever it holds. */
  static discardBackup(key: string) {
    if (key) {
      removeBackup(key);
    }
  }

  private editor?: Editor;
  private _value = '';
  private _readonly = false;
  private _dirty = false;
  private _i18n: Record<string, string> = { ...DEFAULT_I18N };
  private timer?: number;
  private backupChecked = false;
  private readonly root: ShadowRoot;
  private readonly labelElement: HTMLElement;
  private readonly labelText: HTMLElement;
  private readonly toolbar: HTMLElement;
  private readonly content: HTMLElement;
  private readonly helper: HTMLElement;
  private readonly error: HTMLElement;
  private readonly linkForm: HTMLFormElement;
  private readonly linkInput: HTMLInputElement;
  private readonly linkError: HTMLElement;
  private readonly buttons = new Map<string, HTMLButtonElement>();

  private readonly onBeforeUnload = (event: BeforeUnloadEvent) => {
    this.flush();
    if (this._dirty) {
      event.preventDefault();
      event.returnValue = ''; // older browsers need it set
    }
  };

  private readonly onPageHide = () => this.persist();

  constructor() {
    super();
    const id = `rubrica-rich-text-${++idCounter}`;
    this.root = this.attachShadow({ mode: 'open', delegatesFocus: false });
    this.root.innerHTML = `
      <style>${STYLES}</style>
      <div class="field">
        <div part="label" id="${id}-label"><span class="text"></span><span part="required-indicator" aria-hidden="true"></span></div>
        <div part="box">
          <div part="toolbar" role="toolbar"></div>
          <form part="link-form" hidden>
            <label for="${id}-href" class="link-label"></label>
            <input id="${id}-href" type="url" autocomplete="off" spellcheck="false">
            <button type="submit" class="apply"></button>
            <button type="button" class="remove"></button>
            <button type="button" class="cancel"></button>
            <div class="link-error" role="alert"></div>
          </form>
          <div part="content"></div>
        </div>
        <div part="helper-text" id="${id}-helper"><slot name="helper"></slot></div>
        <div part="error-message" id="${id}-error" role="alert" aria-live="assertive"></div>
      </div>`;
    this.labelElement = this.root.querySelector("[part='label']")!;
    this.labelText = this.labelElement.querySelector('.text')!;
    this.toolbar = this.root.querySelector("[part='toolbar']")!;
    this.content = this.root.querySelector("[part='content']")!;
    this.helper = this.root.querySelector("[part='helper-text']")!;
    this.error = this.root.querySelector("[part='error-message']")!;
    this.linkForm = this.root.querySelector("[part='link-form']")!;
    this.linkInput = this.linkForm.querySelector('input')!;
    this.linkError = this.linkForm.querySelector('.link-error')!;
    this.helperSlotText = document.createElement('span');
    this.helper.prepend(this.helperSlotText);
    this.labelElement.addEventListener('click', () => this.focus());
    this.buildToolbar();
    this.buildLinkForm();
    this.createEditor(id);
    this.applyI18n();
    // properties set before this element was upgraded live on the instance and hide the accessors
    for (const property of UPGRADED_PROPERTIES) {
      if (Object.prototype.hasOwnProperty.call(this, property)) {
        const value = (this as Record<string, unknown>)[property];
        delete (this as Record<string, unknown>)[property];
        (this as Record<string, unknown>)[property] = value;
      }
    }
  }

  private readonly helperSlotText: HTMLElement;

  connectedCallback() {
    window.addEventListener('beforeunload', this.onBeforeUnload);
    window.addEventListener('pagehide', this.onPageHide);
    if (this._dirty && this.currentHtml() !== this._value) {
      this.localEdit(); // moved within the page with edits not yet sent
    }
    // Flow sets the properties of a new element before attaching it; wait for the rest of its response
    setTimeout(() => this.checkBackup(), 0);
  }

  disconnectedCallback() {
    // the view is going away (or moving): keep unsent text in the backup rather than send it to a
    // component the server may already have dropped
    this.cancelTimer();
    this.persist();
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    window.removeEventListener('pagehide', this.onPageHide);
  }

  attributeChangedCallback(name: string) {
    if (name === 'disabled') {
      this.updateEditable();
    } else if (name === 'storage-key' && this.isConnected) {
      this.backupChecked = false;
      setTimeout(() => this.checkBackup(), 0);
    }
  }

  get value(): string {
    return this._value;
  }

  /** Set by the server: shown as is (through the schema), not an edit, so not dirty and not sent back. */
  set value(value: string) {
    const html = value ?? '';
    if (html === this._value) {
      return;
    }
    this._value = html;
    this.cancelTimer();
    if (this.editor && this.currentHtml() !== html) {
      this.editor.commands.setContent(html, { emitUpdate: false });
      this.updateToolbar();
    }
  }

  get readonly(): boolean {
    return this._readonly;
  }

  set readonly(readonly: boolean) {
    this._readonly = !!readonly;
    this.toggleAttribute('readonly', this._readonly);
    this.updateEditable();
  }

  get dirty(): boolean {
    return this._dirty;
  }

  set dirty(dirty: boolean) {
    this._dirty = !!dirty;
    this.toggleAttribute('dirty', this._dirty);
    if (this._dirty) {
      this.saveBackup();
    }
  }

  get storageKey(): string {
    return this.getAttribute('storage-key') ?? '';
  }

  set storageKey(key: string) {
    if (key) {
      this.setAttribute('storage-key', key);
    } else {
      this.removeAttribute('storage-key');
    }
  }

  get label(): string {
    return this.labelText.textContent ?? '';
  }

  set label(label: string) {
    this.labelText.textContent = label ?? '';
    this.updateAria();
  }

  get helperText(): string {
    return this.helperSlotText.textContent ?? '';
  }

  set helperText(text: string) {
    this.helperSlotText.textContent = text ?? '';
    this.updateAria();
  }

  get errorMessage(): string {
    return this.error.textContent ?? '';
  }

  set errorMessage(message: string) {
    this.error.textContent = message ?? '';
  }

  get invalid(): boolean {
    return this.hasAttribute('invalid');
  }

  set invalid(invalid: boolean) {
    this.toggleAttribute('invalid', !!invalid);
    this.updateAria();
  }

  get required(): boolean {
    return this.hasAttribute('required');
  }

  set required(required: boolean) {
    this.toggleAttribute('required', !!required);
    this.updateAria();
  }

  get i18n(): Record<string, string> {
    return { ...this._i18n };
  }

  set i18n(i18n: Record<string, string>) {
    this._i18n = { ...DEFAULT_I18N, ...(i18n ?? {}) };
    this.applyI18n();
  }

  /** The editor's HTML as the server gets it. */
  get html(): string {
    return this.currentHtml();
  }

  override focus() {
    this.editor?.commands.focus();
  }

  /**
   * The server saved html. If the editor still holds exactly that, it is no longer dirty and its backup is
   * dropped; text typed meanwhile stays dirty and backed up.
   */
  markSaved(html: string) {
    this.flush();
    if ((html ?? '') === this._value && this.currentHtml() === this._value) {
      this.setDirty(false);
      if (this.storageKey) {
        removeBackup(this.storageKey);
      }
    }
  }

  private createEditor(id: string) {
    const element = document.createElement('div');
    this.content.appendChild(element);
    this.editor = new Editor({
      element,
      injectCSS: false, // the document's head does not reach into this shadow root; STYLES has what is needed
      content: '',
      extensions: [
        StarterKit.configure({
          heading: { levels: [1, 2, 3, 4] },
          blockquote: false,
          code: false,
          codeBlock: false,
          horizontalRule: false,
          strike: false,
          link: false,
          underline: false,
        }),
        Underline,
        BodyLink.configure({
          openOnClick: false,
          autolink: true,
          linkOnPaste: true,
          defaultProtocol: 'https',
          protocols: [],
          isAllowedUri: (url: string) => isAllowedHref(url),
        }),
        BodyTable.configure({ resizable: false, View: null, HTMLAttributes: {} }),
        TableRow,
        TableHeader.extend({ addAttributes: plainCellAttributes }),
        TableCell.extend({ addAttributes: plainCellAttributes }),
      ],
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': `${id}-label`,
          'aria-describedby': `${id}-helper ${id}-error`,
        },
        transformPastedHTML: (html: string) => cleanPastedHtml(html),
      },
      onUpdate: () => this.localEdit(),
      onSelectionUpdate: () => this.updateToolbar(),
      onTransaction: () => this.updateToolbar(),
      onFocus: () => this.toggleAttribute('focused', true),
      onBlur: () => {
        this.toggleAttribute('focused', false);
        this.flush();
      },
    });
    this.updateEditable();
  }

  private currentHtml(): string {
    if (!this.editor || this.editor.isEmpty) {
      return '';
    }
    return compactHtml(this.editor.getHTML());
  }

  private localEdit() {
    this.setDirty(true);
    this.cancelTimer();
    this.timer = window.setTimeout(() => this.flush(), VALUE_DEBOUNCE_MS);
  }

  /** Sends the editor's text to the server now (if changed) and refreshes the backup. */
  private flush() {
    this.cancelTimer();
    const html = this.currentHtml();
    if (this._dirty) {
      this.saveBackup(html);
    }
    if (html !== this._value) {
      this._value = html;
      this.dispatchEvent(new CustomEvent('value-changed', { detail: { value: html } }));
    }
  }

  /** Writes the backup if there are unsaved edits; sends nothing. */
  private persist() {
    if (this._dirty) {
      this.saveBackup();
    }
  }

  private cancelTimer() {
    if (this.timer !== undefined) {
      window.clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private setDirty(dirty: boolean) {
    if (this._dirty !== dirty) {
      this.dirty = dirty;
      this.dispatchEvent(new CustomEvent('dirty-changed', { detail: { value: dirty } }));
    }
  }

  private saveBackup(html: string = this.currentHtml()) {
    if (this.storageKey) {
      writeBackup(this.storageKey, html);
    }
  }

  /** Once per element and key: offers a backup that differs from what the server gave. */
  private checkBackup() {
    const key = this.storageKey;
    if (this.backupChecked || !key || !this.isConnected || !this.editor) {
      return;
    }
    this.backupChecked = true;
    const backup = readBackup(key);
    if (!backup) {
      return;
    }
    if (backup.html === this.currentHtml()) {
      removeBackup(key); // nothing was lost
      return;
    }
    this.dispatchEvent(new CustomEvent('backup-found', { detail: { html: backup.html, savedAt: backup.savedAt } }));
  }

  private updateEditable() {
    const editable = !this._readonly && !this.hasAttribute('disabled');
    this.editor?.setEditable(editable, false);
    if (!editable) {
      this.linkForm.hidden = true;
    }
    this.updateToolbar();
  }

  private updateAria() {
    const dom = this.editor?.view.dom;
    if (!dom) {
      return;
    }
    dom.toggleAttribute('aria-required', this.required);
    dom.setAttribute('aria-invalid', String(this.invalid));
    dom.setAttribute('aria-readonly', String(this._readonly));
  }

  private buildToolbar() {
    ACTIONS.forEach((action, index) => {
      if (['heading2', 'bulletList', 'link', 'addRow', 'undo'].includes(action.id)) {
        const separator = document.createElement('span');
        separator.className = 'separator';
        separator.setAttribute('role', 'separator');
        this.toolbar.appendChild(separator);
      }
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.action = action.id;
      button.innerHTML = action.icon;
      button.tabIndex = index === 0 ? 0 : -1;
      if (action.active) {
        button.setAttribute('aria-pressed', 'false');
      }
      // keep the editor's selection: the button must not take focus on mouse down
      button.addEventListener('mousedown', (event) => event.preventDefault());
      button.addEventListener('click', () => {
        if (!this.editor || !this.editor.isEditable) {
          return;
        }
        if (action.id === 'link') {
          this.openLinkForm();
        } else {
          action.run(this.editor);
        }
      });
      this.buttons.set(action.id, button);
      this.toolbar.appendChild(button);
    });
    // one tab stop; arrow keys move between buttons
    this.toolbar.addEventListener('keydown', (event) => {
      const visible = [...this.buttons.values()].filter((b) => !b.hidden && !b.disabled);
      const current = visible.indexOf(this.root.activeElement as HTMLButtonElement);
      let next = -1;
      if (event.key === 'ArrowRight') next = (current + 1) % visible.length;
      else if (event.key === 'ArrowLeft') next = (current - 1 + visible.length) % visible.length;
      else if (event.key === 'Home') next = 0;
      else if (event.key === 'End') next = visible.length - 1;
      if (next >= 0 && visible[next]) {
        event.preventDefault();
        this.buttons.forEach((b) => (b.tabIndex = -1));
        visible[next].tabIndex = 0;
        visible[next].focus();
      }
    });
  }

  private buildLinkForm() {
    this.linkForm.addEventListener('submit', (event) => {
      event.preventDefault();
      const href = this.linkInput.value.trim();
      if (!isAllowedHref(href)) {
        this.linkError.textContent = this._i18n.linkInvalid;
        this.linkInput.setAttribute('aria-invalid', 'true');
        return;
      }
      const editor = this.editor!;
      if (editor.state.selection.empty && !editor.isActive('link')) {
        editor.chain().focus()
          .insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] })
          .run();
      } else {
        editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
      }
      this.closeLinkForm();
    });
    this.linkForm.querySelector('.remove')!.addEventListener('click', () => {
      this.editor?.chain().focus().extendMarkRange('link').unsetLink().run();
      this.closeLinkForm();
    });
    this.linkForm.querySelector('.cancel')!.addEventListener('click', () => this.closeLinkForm());
    this.linkForm.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.closeLinkForm();
      }
    });
  }

  private openLinkForm() {
    const editor = this.editor!;
    const current = editor.getAttributes('link').href as string | undefined;
    this.linkInput.value = current ?? 'https://';
    this.linkError.textContent = '';
    this.linkInput.removeAttribute('aria-invalid');
    (this.linkForm.querySelector('.remove') as HTMLElement).hidden = !current;
    this.linkForm.hidden = false;
    this.linkInput.focus();
    this.linkInput.select();
  }

  private closeLinkForm() {
    this.linkForm.hidden = true;
    this.editor?.commands.focus();
  }

  private applyI18n() {
    const t = this._i18n;
    this.toolbar.setAttribute('aria-label', t.toolbar);
    this.buttons.forEach((button, id) => {
      button.setAttribute('aria-label', t[id] ?? id);
      button.title = t[id] ?? id;
    });
    (this.linkForm.querySelector('.link-label') as HTMLElement).textContent = t.linkAddress;
    (this.linkForm.querySelector('.apply') as HTMLElement).textContent = t.linkApply;
    (this.linkForm.querySelector('.remove') as HTMLElement).textContent = t.linkRemove;
    (this.linkForm.querySelector('.cancel') as HTMLElement).textContent = t.linkCancel;
    this.root.querySelector("[part='required-indicator']")!.setAttribute('title', t.required);
  }

  private updateToolbar() {
    const editor = this.editor;
    if (!editor || !this.buttons.size) {
      return;
    }
    const inTable = editor.isActive('table');
    for (const action of ACTIONS) {
      const button = this.buttons.get(action.id)!;
      if (action.tableOnly) {
        button.hidden = !inTable;
      }
      if (action.active) {
        button.setAttribute('aria-pressed', String(action.active(editor)));
      }
      button.disabled = !editor.isEditable || (action.enabled ? !action.enabled(editor) : false);
    }
    // keep the toolbar's one tab stop on a button that can take focus
    const buttons = [...this.buttons.values()];
    const stop = buttons.find((b) => b.tabIndex === 0);
    if (!stop || stop.hidden || stop.disabled) {
      const next = buttons.find((b) => !b.hidden && !b.disabled);
      buttons.forEach((b) => (b.tabIndex = b === next ? 0 : -1));
    }
    this.updateAria();
  }
}

if (!customElements.get(TAG)) {
  customElements.define(TAG, RubricaRichText);
}

declare global {
  interface HTMLElementTagNameMap {
    'rubrica-rich-text': RubricaRichText;
  }
}
