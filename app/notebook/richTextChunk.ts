// What the lazily loaded rich-text chunk holds (see richText.tsx).
export { Markdown } from './Markdown';
export { Tex } from './Tex';
