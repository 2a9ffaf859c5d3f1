// The Sell screen's key helpers live in the one shortcut registry, src-renderer/kit/shortcuts.ts.
export { isPlainKey, isTyping } from '../../kit/shortcuts.ts';
